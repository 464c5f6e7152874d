import fs from 'node:fs';
import path from 'node:path';
import type { Tx } from '../../db/database';
import { importHistoricalCosts } from '../insights';

/** The Raahe region's clients and costs of seven child and family services, 2011-2013: public figures, no person in them. */
export const RAAHE_COSTS_FILE = path.join(__dirname, 'data', 'raahe-child-family-services-2011-2013.csv');

/** The manager finds the Raahe figures imported, as if they had loaded the file themselves. */
export async function seedDemoHistoricalCosts(tx: Tx, managerId: string): Promise<void> {
  await importHistoricalCosts(tx, {
    text: fs.readFileSync(RAAHE_COSTS_FILE, 'utf8'),
    source: path.basename(RAAHE_COSTS_FILE),
    importedBy: managerId,
    organisationId: null,
  });
}
