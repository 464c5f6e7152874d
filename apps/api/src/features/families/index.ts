/** What other features may use of families: how far ahead a review is due. */
export { REVIEW_DUE_DAYS } from './family-attention';
