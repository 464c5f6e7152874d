import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzleNodePostgres } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePostgres } from 'drizzle-orm/node-postgres/migrator';
import type { Logger, SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { Pool } from 'pg';
import { PreparedPglite } from './prepared-pglite';
import { prepareStatementsOf } from './prepared-postgres';

export type Db = PgDatabase<PgQueryResultHKT>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Anything queries can run on: the database or an open transaction. */
export type Queryable = Db | Tx;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/** Serialises migrations when several API instances start against one server. */
const MIGRATION_LOCK = 7_240_001;

export const migrationsFolder = path.resolve(__dirname, '../../drizzle');

/**
 * Opens PGlite in `dataDir` (`memory://` for tests) or, with a URL, a PostgreSQL server, and migrates it.
 * `copyOf` starts an in-memory PGlite from a dumped data directory (tests: one migrated template).
 */
/** `logger` is told every statement with its parameters (tests that inspect what an endpoint runs). */
export async function openDatabase(options: {
  url?: string;
  dataDir: string;
  copyOf?: Blob;
  logger?: Logger;
}): Promise<Database> {
  return options.url ? openPostgres(options.url, options.logger) : openPglite(options.dataDir, options.copyOf, options.logger);
}

async function openPglite(dataDir: string, copyOf?: Blob, logger?: Logger): Promise<Database> {
  // PGlite makes only the last folder itself; `./.data/demo` on a fresh checkout needs `./.data` first.
  if (dataDir !== 'memory://') fs.mkdirSync(path.dirname(path.resolve(dataDir)), { recursive: true });
  const client = await PGlite.create(dataDir === 'memory://' ? { loadDataDir: copyOf } : { dataDir: path.resolve(dataDir) });
  await migratePglite(drizzlePglite(client), { migrationsFolder });
  // After migrating: the API's statements run prepared (`PreparedPglite`), on the schema as it now is.
  const db = drizzlePglite({ client: new PreparedPglite(client) as unknown as PGlite, logger }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    ping: () => ping(db),
    close: () => client.close(),
  };
}

async function openPostgres(url: string, logger?: Logger): Promise<Database> {
  const pool = new Pool({ connectionString: url, max: 10 });
  pool.on('connect', prepareStatementsOf);
  // The server may end an idle connection (restart, failover, a dropped database): the pool drops
  // it and the next query opens a new one. Without a listener the error would end the process.
  pool.on('error', () => undefined);
  const lockClient = await pool.connect();
  try {
    await lockClient.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await migrateNodePostgres(drizzleNodePostgres(lockClient), { migrationsFolder });
  } finally {
    await lockClient.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    lockClient.release();
  }
  const db = drizzleNodePostgres(pool, { logger }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    ping: () => ping(db),
    close: () => pool.end(),
  };
}

/** Rows of a hand-written query; both drivers answer `{ rows }`. */
/** Up to this many values go as a list of parameters (`oneOf`). */
const LISTED_VALUES = 4;

/**
 * `column` is one of `values` (text). A prepared statement with an array parameter is planned anew
 * on every run, because PostgreSQL cannot tell from it how many rows to expect (measured on PGlite:
 * a write's confirmation 0.93 ms of CPU with the array, 0.38 ms with a list, median of 10 rounds).
 * A few values go as a list of parameters, each count its own statement, planned once; more as one
 * array, so a statement's text does not vary with every count.
 */
export function oneOf(column: SQL, values: readonly string[]): SQL {
  if (values.length === 0) return sql`false`;
  if (values.length > LISTED_VALUES) return sql`${column} = any(${sql.param([...values])}::text[])`;
  return sql`${column} in (${sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  )})`;
}

export async function queryRows<Row>(db: Queryable, query: SQL): Promise<Row[]> {
  const result = (await db.execute(query)) as unknown as { rows: Row[] };
  return result.rows;
}

async function ping(db: Db): Promise<boolean> {
  try {
    await db.execute(sql`select 1`);
    return true;
  } catch {
    return false;
  }
}
