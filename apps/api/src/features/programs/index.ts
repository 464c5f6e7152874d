/**
 * What other features use of programmes: the demo enrols its families with pseudonyms like the
 * product's, and the manager's outcome figures group families by the programmes they were in.
 */
export { newPseudonym } from './pseudonym';
export { listEnrolmentSpansOfAllFamilies, type EnrolmentSpan } from './programs.repository';
export { usageSpan } from './program-outcomes';
