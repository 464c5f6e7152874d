/** What other features may use of plan versions: freezing the plan at a review. */
export { lockPlanVersion } from './plan-versions.repository';
export { freezePlanVersion } from './plan-versions.service';
