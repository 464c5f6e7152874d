import { loadConfig } from '../config';
import { openDatabase } from '../db/database';
import { verifyAuditChains } from './audit.repository';

/** `pnpm --filter @yhdessa/api audit:verify`: exits 1 at the first broken link. */
async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR });
  try {
    const result = await verifyAuditChains(database.db);
    process.stdout.write(JSON.stringify(result) + '\n');
    process.exitCode = result.firstBrokenLink ? 1 : 0;
  } finally {
    await database.close();
  }
}

void main();
