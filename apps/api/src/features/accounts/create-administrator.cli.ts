import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadConfig } from '../../core/config';
import { openDatabase } from '../../db/database';
import { createFirstAdministrator, FIRST_ADMINISTRATOR_LINK_HOURS, FirstAdministratorRefused } from './first-administrator';

const argumentsSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  name: z.string().trim().min(1).max(200),
  another: z.boolean().default(false),
});

/** `pnpm admin:create --email ... --name "..."`: prints the single-use link that sets the password. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { email: { type: 'string' }, name: { type: 'string' }, another: { type: 'boolean' } },
  });
  const parsed = argumentsSchema.safeParse(values);
  if (!parsed.success) {
    process.stderr.write('Usage: pnpm admin:create --email person@example.fi --name "First Last" [--another]\n');
    process.exitCode = 2;
    return;
  }
  const config = loadConfig();
  const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR });
  try {
    const { link } = await createFirstAdministrator(database.db, config, parsed.data);
    process.stdout.write(
      `Administrator ${parsed.data.email} created. Open this link within ${FIRST_ADMINISTRATOR_LINK_HOURS} hours to set the password (it works once):\n${link}\nAt the first sign-in the authenticator app is set up.\n`,
    );
  } catch (error) {
    if (!(error instanceof FirstAdministratorRefused)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 1;
  } finally {
    await database.close();
  }
}

void main();
