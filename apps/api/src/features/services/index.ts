/** What other features may use of the catalogue: where every service's first price period starts. */
export { FIRST_PRICE_VALID_FROM } from './services.repository';
