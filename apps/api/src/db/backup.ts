import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { Client } from 'pg';

const run = promisify(execFile);

/** Where a database lives: a PostgreSQL server's URL, or the embedded database's data directory. */
export interface DatabaseLocation {
  url?: string;
  dataDir: string;
}

export class RestoreRefused extends Error {}

/**
 * Writes a backup of the whole database to `file`: `pg_dump` in its custom format for a server,
 * a gzipped copy of the data directory for the embedded database. The embedded database is one
 * process: stop the server first.
 */
export async function backupDatabase(location: DatabaseLocation, file: string): Promise<void> {
  if (location.url) {
    await run('pg_dump', ['--format=custom', '--no-owner', `--file=${file}`, location.url]);
    return;
  }
  if (!fs.existsSync(location.dataDir)) throw new RestoreRefused(`There is no database in ${location.dataDir}.`);
  const database = await PGlite.create(location.dataDir);
  try {
    const dump = await database.dumpDataDir('gzip');
    fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await database.close();
  }
}

/**
 * Restores a backup into an empty database; one that holds data is replaced only with `force`.
 * Migrations newer than the backup run at the next start.
 */
export async function restoreDatabase(location: DatabaseLocation, file: string, { force = false } = {}): Promise<void> {
  if (!fs.existsSync(file)) throw new RestoreRefused(`There is no backup at ${file}.`);
  if (location.url) {
    if (!force && (await serverHoldsTables(location.url)))
      throw new RestoreRefused(
        'The target database holds data already. Restore into an empty database, or pass --force to replace it.',
      );
    await run('pg_restore', ['--no-owner', ...(force ? ['--clean', '--if-exists'] : []), `--dbname=${location.url}`, file]);
    return;
  }
  const holdsData = fs.existsSync(location.dataDir) && fs.readdirSync(location.dataDir).length > 0;
  if (holdsData && !force)
    throw new RestoreRefused(
      `${location.dataDir} holds a database already. Restore into an empty directory, or pass --force to replace it.`,
    );
  if (holdsData) fs.rmSync(location.dataDir, { recursive: true });
  fs.mkdirSync(path.dirname(location.dataDir), { recursive: true });
  const database = await PGlite.create(location.dataDir, { loadDataDir: new Blob([fs.readFileSync(file)]) });
  await database.close();
}

async function serverHoldsTables(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: string }>(
      `select count(*) from information_schema.tables where table_schema in ('public', 'drizzle')`,
    );
    return Number(rows[0]?.count ?? 0) > 0;
  } finally {
    await client.end();
  }
}
