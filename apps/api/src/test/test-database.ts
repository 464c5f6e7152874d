import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { Logger } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { Client } from 'pg';
import { migrationsFolder, openDatabase, type Database } from '../db/database';

/**
 * A fresh, migrated database per test file: in-memory PGlite by default, or a new database on
 * the PostgreSQL server at TEST_DATABASE_URL (dropped again on close), so files never share rows.
 */
export async function openTestDatabase(options: { logger?: Logger } = {}): Promise<Database> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) return openDatabase({ dataDir: 'memory://', copyOf: await migratedTemplate(), logger: options.logger });

  const template = await migratedServerTemplate(serverUrl);
  const name = `yhdessa_test_${randomBytes(6).toString('hex')}`;
  await withAdminClient(serverUrl, (client) => client.query(`create database ${name} template ${template}`));
  // Opening migrates, as the product does: here it finds every migration applied.
  const database = await openDatabase({ url: databaseUrl(serverUrl, name), dataDir: '', logger: options.logger });
  return {
    ...database,
    close: async () => {
      await database.close();
      await withAdminClient(serverUrl, (client) => client.query(`drop database if exists ${name} with (force)`));
    },
  };
}

function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withAdminClient(url: string, work: (client: Client) => Promise<unknown>): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Migrating a new PGlite takes about 3 s; starting one from a dump of a migrated one under 1 s. The
 * dump is kept in the temp folder under a hash of the migrations, so test files and workers share it
 * and a changed migration makes a new one.
 */
async function migratedTemplate(): Promise<Blob> {
  const templateFile = path.join(os.tmpdir(), `yhdessa-test-template-${migrationsHash()}.tar`);
  if (!fs.existsSync(templateFile)) {
    const client = await PGlite.create();
    await migrate(drizzle(client), { migrationsFolder });
    const dump = await client.dumpDataDir('none');
    await client.close();
    // Written aside and renamed, so a worker never reads another's half-written file.
    const partial = `${templateFile}.${process.pid}`;
    fs.writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    fs.renameSync(partial, templateFile);
  }
  return new Blob([fs.readFileSync(templateFile)]);
}

/** A hash of the migrations folder: a changed or added migration makes new templates. */
function migrationsHash(): string {
  const hash = createHash('sha256');
  for (const file of fs.readdirSync(migrationsFolder, { recursive: true, encoding: 'utf8' }).sort()) {
    const full = path.join(migrationsFolder, file);
    if (fs.statSync(full).isFile()) hash.update(file).update(fs.readFileSync(full));
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * On the PostgreSQL server, the same idea: a database migrated once, that every test file's
 * database is created from (`create database ... template`, about 1 s) instead of migrating each
 * new one (3-5 s a file). It is migrated under a name of its own and then renamed, so a worker
 * never copies a half-migrated one; nothing connects to it afterwards, as copying requires.
 */
async function migratedServerTemplate(serverUrl: string): Promise<string> {
  const template = `yhdessa_test_template_${migrationsHash()}`;
  const exists = async () => {
    let found = false;
    await withAdminClient(serverUrl, async (client) => {
      found = (await client.query('select 1 from pg_database where datname = $1', [template])).rowCount === 1;
    });
    return found;
  };
  if (await exists()) return template;
  const partial = `${template}_${randomBytes(4).toString('hex')}`;
  await withAdminClient(serverUrl, (client) => client.query(`create database ${partial}`));
  const database = await openDatabase({ url: databaseUrl(serverUrl, partial), dataDir: '' });
  await database.close();
  await withAdminClient(serverUrl, async (client) => {
    // Another worker may have made the same template meanwhile: then its copy is used.
    await client.query(`alter database ${partial} rename to ${template}`).catch(async (error: unknown) => {
      await client.query(`drop database if exists ${partial} with (force)`);
      if (!(await exists())) throw error;
    });
  });
  return template;
}
