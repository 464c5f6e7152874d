/** What other features use of the manager's area: the demo imports the Raahe file with it. */
export { importHistoricalCosts } from './historical-costs.service';
