import { sql } from 'drizzle-orm';
import { queryRows, type Database, type Tx } from '../db/database';
import { openTestDatabase } from '../test/test-database';
import { isDeadlock, UndoneWithGroup, WriteCommitQueue } from './write-commits';

let database: Database;
let queue: WriteCommitQueue;

beforeAll(async () => {
  database = await openTestDatabase();
  await database.db.execute(sql`create table write_commit_probe (name text primary key, txid bigint not null)`);
});
afterAll(() => database.close());
beforeEach(async () => {
  queue = new WriteCommitQueue(database);
  await database.db.execute(sql`delete from write_commit_probe`);
});

/** Writes a row named `name` holding the id of the transaction it ran in. */
const insertProbe = (name: string) => async (tx: Tx) => {
  const [row] = await queryRows<{ txid: string }>(
    tx,
    sql`insert into write_commit_probe (name, txid) values (${name}, txid_current()) returning txid::text`,
  );
  return row!.txid;
};

const committedProbes = async () =>
  (await queryRows<{ name: string }>(database.db, sql`select name from write_commit_probe order by name`)).map((row) => row.name);

it('when writes arrive in one turn or while a group is committing, then each lot commits together in one transaction', async () => {
  const first = ['a', 'b'].map((name) => queue.run(insertProbe(name)));
  // Started once the first group is running: these wait for the next one.
  await new Promise((resolve) => setImmediate(resolve));
  const next = ['c', 'd', 'e'].map((name) => queue.run(insertProbe(name)));
  const txids = await Promise.all([...first, ...next]);

  expect(txids[0]).toBe(txids[1]);
  expect(txids[2]).toBe(txids[3]);
  expect(txids[3]).toBe(txids[4]);
  expect(txids[1]).not.toBe(txids[2]);
  expect(await committedProbes()).toEqual(['a', 'b', 'c', 'd', 'e']);
});

it('when one write of a group fails, then the whole group is undone: it rejects with its own error, the others as undone with it', async () => {
  const refused = new Error('refused after writing');
  const outcomes = await Promise.allSettled([
    queue.run(insertProbe('before')),
    queue.run(async (tx) => {
      await insertProbe('failed')(tx);
      throw refused;
    }),
    queue.run(insertProbe('after')),
  ]);

  expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected', 'rejected']);
  const reasons = outcomes.map((outcome) => (outcome as PromiseRejectedResult).reason as unknown);
  expect(reasons[0]).toBeInstanceOf(UndoneWithGroup);
  expect(reasons[1]).toBe(refused);
  expect(reasons[2]).toBeInstanceOf(UndoneWithGroup);
  expect(await committedProbes()).toEqual([]);

  // Run again, guarded, the undone writes commit whatever else fails beside them.
  const again = await Promise.allSettled([
    queue.run(insertProbe('before'), true),
    queue.run(() => Promise.reject(refused)),
    queue.run(insertProbe('after')),
  ]);
  expect(again.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  expect(await committedProbes()).toEqual(['after', 'before']);
});

it('when a write fails in a guarded group, then only its own change is undone and the others commit', async () => {
  const refused = new Error('refused after writing');
  const outcomes = await Promise.allSettled([
    queue.run(insertProbe('first'), true),
    queue.run(insertProbe('kept')),
    queue.run(async (tx) => {
      await insertProbe('undone')(tx);
      throw refused;
    }),
    // A statement that fails in the database (the name is taken) leaves the group's transaction usable.
    queue.run(insertProbe('kept')),
    queue.run(insertProbe('kept too')),
    // Writes that run no statement at all, refused or not (their savepoint is not waited for first).
    queue.run(() => Promise.reject(refused)),
    queue.run(() => Promise.resolve('nothing to write')),
    queue.run(insertProbe('last')),
  ]);

  expect(outcomes.map((outcome) => outcome.status)).toEqual([
    'fulfilled',
    'fulfilled',
    'rejected',
    'rejected',
    'fulfilled',
    'rejected',
    'fulfilled',
    'fulfilled',
  ]);
  expect((outcomes[2] as PromiseRejectedResult).reason).toBe(refused);
  expect(await committedProbes()).toEqual(['first', 'kept', 'kept too', 'last']);
});

it('when a write of a group has run, then it is not answered before the whole group has committed', async () => {
  const seen: string[] = [];
  const grouped = [
    queue.run(insertProbe('early')).then(async () => {
      // Answered: the row must be visible to another connection, so it has committed.
      seen.push(`early answered, committed: ${(await committedProbes()).includes('late')}`);
    }),
    queue.run(async (tx) => {
      seen.push('late running');
      return insertProbe('late')(tx);
    }),
  ];
  await Promise.all(grouped);

  expect(seen).toEqual(['late running', 'early answered, committed: true']);
});

it('when the database reports a deadlock, directly or wrapped by the query builder, then it is recognised', () => {
  const deadlock = Object.assign(new Error('deadlock detected'), { code: '40P01' });
  expect(isDeadlock(deadlock)).toBe(true);
  expect(isDeadlock(new Error('Failed query', { cause: deadlock }))).toBe(true);
  expect(isDeadlock(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(false);
  expect(isDeadlock('40P01')).toBe(false);
});
