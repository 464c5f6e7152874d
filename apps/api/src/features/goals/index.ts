/** What other features may use of goals: an action's goal, progress in the plan, the goal as the plan shows it, its summary. */
export { presentGoal } from './goal.presenter';
export { summarizeAttainment } from './goal-attainment';
export { findGoal, listGoalProgress } from './goals.repository';
