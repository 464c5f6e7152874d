/** What other features may use of actions: an action as the plan and the workspace show it. */
export { presentAction, todayIso } from './action.presenter';
