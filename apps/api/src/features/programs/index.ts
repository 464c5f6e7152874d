/** What other features use of programmes: the demo enrols its families with pseudonyms like the product's. */
export { newPseudonym } from './pseudonym';
