/** What other features may use of the reference costs: the figures valid today, for the family's cost view. */
export { findCurrentReferenceCosts } from './reference-costs.repository';
