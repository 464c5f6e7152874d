/** What other features may use of the catalogue: where every service's first price period starts, whether an organisation exists. */
export { FIRST_PRICE_VALID_FROM, organisationExists } from './services.repository';
