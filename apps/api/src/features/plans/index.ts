/** What other features may use of the plan: reading its parts and presenting it (a review freezes it). */
export { presentPlan, withoutHiddenRoles } from './plan.presenter';
export { findPlanParts } from './plans.repository';
