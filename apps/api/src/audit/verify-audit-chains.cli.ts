import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../core/config';
import { openDatabase } from '../db/database';
import { compareWithExportedHeads, exportChainHeads, verifyAuditChains, type ChainHeadsExport } from './audit.repository';

/**
 * `pnpm --filter @yhdessa/api audit:verify [--against heads.json]`: exits 1 at the first broken
 * link, an emptied chain, or (with `--against`) a chain that lost links since the heads were
 * exported. `audit:heads` prints the heads to keep outside the database.
 */
async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { against: { type: 'string' } } });
  const config = loadConfig();
  const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR });
  try {
    if (positionals[0] === 'heads') {
      process.stdout.write(JSON.stringify(await exportChainHeads(database.db)) + '\n');
      return;
    }
    const result = await verifyAuditChains(database.db);
    const exportedFile = values.against && path.resolve(process.env.INIT_CWD ?? process.cwd(), values.against);
    const lost = exportedFile
      ? await compareWithExportedHeads(database.db, JSON.parse(fs.readFileSync(exportedFile, 'utf8')) as ChainHeadsExport)
      : [];
    process.stdout.write(JSON.stringify({ ...result, ...(exportedFile ? { lostSinceExport: lost } : {}) }) + '\n');
    process.exitCode = result.firstBrokenLink || lost.length > 0 ? 1 : 0;
  } finally {
    await database.close();
  }
}

void main();
