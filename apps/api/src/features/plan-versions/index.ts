/** What other features may use of plan versions: freezing the plan at a review. */
export { freezePlanVersion, lockPlanVersion } from './plan-versions.repository';
