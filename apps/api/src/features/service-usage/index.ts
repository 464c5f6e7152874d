/** What other features may use of service usage: which service roles take usage (the plan's `can`). */
export { takesUsage } from './usage-dates';
