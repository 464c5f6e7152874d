import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows, type Database } from './database';
import { readDataVersions } from './data-versions';

jest.setTimeout(60_000);

it('when the data directory and its parents do not exist (a fresh checkout: ./.data/demo), then the embedded database makes them', async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'yhdessa-fresh-'));
  const dataDir = path.join(root, '.data', 'demo');
  try {
    const database = await openDatabase({ dataDir });
    expect(await database.ping()).toBe(true);
    await database.close();
    expect(fs.existsSync(path.join(dataDir, 'PG_VERSION'))).toBe(true);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

describe('values a statement matches one of', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openDatabase({ dataDir: 'memory://' });
    await database.db.execute(
      sql`insert into data_versions (scope, version) values ('s1', 1), ('s2', 2), ('s3', 3), ('s4', 4), ('s5', 5)`,
    );
  });
  afterAll(() => database.close());

  it('when a few, or more than a few, scopes are read, then each has its version and an unknown one is at 0', async () => {
    expect(await readDataVersions(database.db, [])).toEqual([]);
    expect(await readDataVersions(database.db, ['s2'])).toEqual([['s2', 2]]);
    expect(await readDataVersions(database.db, ['s1', 's4', 'unknown', 's3'])).toEqual([
      ['s1', 1],
      ['s4', 4],
      ['unknown', 0],
      ['s3', 3],
    ]);
    const many = ['s1', 's2', 's3', 's4', 's5', 'unknown'];
    expect(await readDataVersions(database.db, many)).toEqual(many.map((scope, index) => [scope, index < 5 ? index + 1 : 0]));
  });

  it('when the same few scopes are read again and again, then PostgreSQL plans the statement once instead of on every run', async () => {
    for (let run = 0; run < 10; run++) await readDataVersions(database.db, ['s1', 's2']);
    const plans = await queryRows<{ generic_plans: number; custom_plans: number }>(
      database.db,
      sql`select generic_plans::int, custom_plans::int from pg_prepared_statements
        where statement like 'select scope, version from data_versions %'`,
    );
    // PostgreSQL tries five custom plans before it settles on the generic one.
    expect(plans).toContainEqual({ generic_plans: 5, custom_plans: 5 });
  });
});
