import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';

/**
 * The migration that gave goals their endings, run over a database with goals made before it:
 * the migrations up to it first, then rows as they were then, then the rest.
 */
const migrationsFolder = path.resolve(__dirname, '../../../drizzle');
const MIGRATION = 'goal_endings';

interface Journal {
  entries: Array<{ tag: string }>;
}

/** A copy of the migrations folder whose journal stops before the goal endings. */
function migrationsBeforeEndings(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'goal-endings-'));
  fs.cpSync(migrationsFolder, folder, { recursive: true });
  const journalPath = path.join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalPath, 'utf8')) as Journal;
  const cut = journal.entries.findIndex((entry) => entry.tag.endsWith(MIGRATION));
  expect(cut).toBeGreaterThan(0);
  fs.writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, cut) }));
  return folder;
}

let client: PGlite;
afterAll(() => client.close());

it('when goals made before endings are migrated, then achieved becomes reached with the day of its last change, and open and dropped goals keep their status', async () => {
  client = await PGlite.create();
  const before = migrationsBeforeEndings();
  await migrate(drizzle(client), { migrationsFolder: before });
  fs.rmSync(before, { recursive: true });

  const { rows } = await client.query<{ id: string }>(
    `insert into accounts (email, name, role) values ('k@test.example', 'K', 'coordinator') returning id`,
  );
  const family = await client.query<{ id: string }>(
    `insert into families (name, coordinator_id) values ('Perhe', $1) returning id`,
    [rows[0]!.id],
  );
  const familyId = family.rows[0]!.id;
  // 22:30 UTC on 31 May is already 1 June in Helsinki.
  await client.query(
    `insert into goals (family_id, title, status, updated_at) values
       ($1, 'Saavutettu', 'achieved', '2025-05-31T22:30:00Z'),
       ($1, 'Luovuttu', 'dropped', '2025-03-10T09:00:00Z'),
       ($1, 'Avoin', 'open', '2025-04-01T09:00:00Z')`,
    [familyId],
  );

  await migrate(drizzle(client), { migrationsFolder });

  const goals = await client.query<{ title: string; status: string; ended_on: string | null; attained_level: number | null }>(
    `select title, status, to_char(ended_on, 'YYYY-MM-DD') as ended_on, attained_level from goals order by title`,
  );
  expect(goals.rows).toEqual([
    { title: 'Avoin', status: 'open', ended_on: null, attained_level: null },
    { title: 'Luovuttu', status: 'dropped', ended_on: '2025-03-10', attained_level: null },
    { title: 'Saavutettu', status: 'reached', ended_on: '2025-06-01', attained_level: null },
  ]);
});
