/** What other features may use of service usage: which service roles take usage (the plan's `can`), and how an entry is priced. */
export { takesUsage } from './usage-dates';
export { unitCostOfUsage } from './service-usage.repository';
