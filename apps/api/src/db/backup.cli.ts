import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../core/config';
import { backupDatabase, RestoreRefused, restoreDatabase } from './backup';

const usage = 'Usage: pnpm backup <file>  |  pnpm restore <file> [--force]\n';

/** `pnpm backup <file>` and `pnpm restore <file> [--force]`, on DATABASE_URL or the embedded database in DATA_DIR. */
async function main(): Promise<void> {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { force: { type: 'boolean' } } });
  const [command, fileArgument] = positionals;
  if ((command !== 'backup' && command !== 'restore') || !fileArgument) {
    process.stderr.write(usage);
    process.exitCode = 2;
    return;
  }
  const config = loadConfig();
  // pnpm runs the script inside the package; the file is where the caller stood.
  const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), fileArgument);
  const location = { url: config.DATABASE_URL, dataDir: config.DATA_DIR };
  const where = config.DATABASE_URL ? 'the PostgreSQL server' : config.DATA_DIR;
  try {
    if (command === 'backup') await backupDatabase(location, file);
    else await restoreDatabase(location, file, { force: values.force });
    process.stdout.write(command === 'backup' ? `Backed up ${where} to ${file}\n` : `Restored ${file} into ${where}\n`);
  } catch (error) {
    if (!(error instanceof RestoreRefused)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 1;
  }
}

void main();
