import { sql } from 'drizzle-orm';
import type { Database, Tx } from '../db/database';

interface Waiting {
  work(tx: Tx): Promise<unknown>;
  guarded: boolean;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/** Enough to share one flush widely, small enough that a group holds its families' rows briefly. */
const MAX_GROUP = 32;

/**
 * A write rolled back only because another write of its group failed: nothing of it was kept, and
 * it is worth running again, guarded (`WriteCommitQueue.run`).
 */
export class UndoneWithGroup extends Error {
  constructor() {
    super('rolled back with a failed write of its group');
  }
}

/**
 * Group commit for family writes. A write's commit waits for the database's log to reach the disk
 * (about 3 ms on this project's machines) while it still holds its family's rows: the data version,
 * the audit chain's head, the event sequence. Writes to one family could then commit only one
 * flush at a time. Writes that arrive in one turn of the event loop, or while a group is committing,
 * wait together for the next one: they run one after the other in one transaction, and one COMMIT
 * (one flush) makes them all durable. No write's promise settles before its group has committed, so
 * no answer tells of a change that is not durable yet.
 *
 * Writes rarely fail, so a group runs them without savepoints (a round trip each, on the hottest
 * path). When one fails, the whole group rolls back: the failed write rejects with its own error,
 * and the others with `UndoneWithGroup`, to be run again guarded. A group with a guarded write in it
 * puts a savepoint before each write, so a failure undoes that write alone and the rest commit.
 */
export class WriteCommitQueue {
  readonly #database: Database;
  #waiting: Waiting[] = [];
  #draining = false;

  constructor(database: Database) {
    this.#database = database;
  }

  /**
   * Runs `work` in a transaction (shared with other writes of its group) and settles once that has
   * committed. Unless `guarded`, it may reject with `UndoneWithGroup` (see the class).
   */
  run<T>(work: (tx: Tx) => Promise<T>, guarded = false): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#waiting.push({ work, guarded, resolve: resolve as (value: unknown) => void, reject });
      if (!this.#draining) void this.#drain();
    });
  }

  async #drain(): Promise<void> {
    this.#draining = true;
    // Writes whose requests arrived in this turn of the event loop join the first group. PGlite runs
    // in this thread without yielding to it, so without this turn no request arrives mid-group there.
    await new Promise((resolve) => setImmediate(resolve));
    while (this.#waiting.length > 0) await this.#commitGroup(this.#waiting.splice(0, MAX_GROUP));
    this.#draining = false;
  }

  async #commitGroup(group: Waiting[]): Promise<void> {
    // Alone, a write needs no savepoint: its own transaction is the same thing for less.
    if (group.length === 1) {
      const [only] = group as [Waiting];
      await this.#database.db.transaction((tx) => only.work(tx)).then(only.resolve, only.reject);
      return;
    }
    const outcomes = group.some((waiting) => waiting.guarded) ? await this.#runGuarded(group) : await this.#runAtOnce(group);
    group.forEach((waiting, index) => {
      const outcome = outcomes[index]!;
      if ('value' in outcome) waiting.resolve(outcome.value);
      else waiting.reject(outcome.error);
    });
  }

  /** The group without savepoints: all of it commits, or none of it. */
  async #runAtOnce(group: Waiting[]): Promise<Outcome[]> {
    const values: unknown[] = [];
    let failed: { index: number; error: unknown } | undefined;
    try {
      await this.#database.db.transaction(async (tx) => {
        for (const [index, waiting] of group.entries()) {
          try {
            values.push(await waiting.work(tx));
          } catch (error) {
            failed = { index, error };
            throw error;
          }
        }
      });
    } catch (error) {
      // A write failed (the rest are undone with it), or the commit itself did (nothing is durable).
      if (!failed) return group.map(() => ({ error }));
      const { index, error: own } = failed;
      return group.map((_, at) => ({ error: at === index ? own : new UndoneWithGroup() }));
    }
    return values.map((value) => ({ value }));
  }

  /** The group with a savepoint before each write: a failure undoes that write alone. */
  async #runGuarded(group: Waiting[]): Promise<Outcome[]> {
    const outcomes: Outcome[] = [];
    try {
      await this.#database.db.transaction(async (tx) => {
        for (const waiting of group) {
          // Not released: a savepoint of this name nests in the previous one, and a rollback to it
          // undoes only this write (one statement per write less than savepoint and release). Not
          // waited for before the write starts: the write's statements queue behind it on the
          // connection, which sends them as soon as it is done, without a turn of the event loop.
          const savepoint = tx.execute(sql`savepoint grouped_write`).then(() => undefined);
          // Marked as handled now: the write's own statements may take a while before it is awaited.
          savepoint.catch(() => undefined);
          try {
            const value = await waiting.work(tx);
            await savepoint;
            outcomes.push({ value });
          } catch (error) {
            // A savepoint that failed failed the write too, and the transaction with it.
            await savepoint;
            await tx.execute(sql`rollback to savepoint grouped_write`);
            outcomes.push({ error });
          }
        }
      });
    } catch (error) {
      // The commit itself failed: no write of the group is durable.
      return group.map(() => ({ error }));
    }
    return outcomes;
  }
}

type Outcome = { value: unknown } | { error: unknown };

/**
 * PostgreSQL's "deadlock detected", as the driver raised it or as drizzle wrapped it. A group locks
 * several families' rows, and another instance's group may take two of them in the other order;
 * the database then fails one side's statement, and that write is worth running again.
 */
export function isDeadlock(error: unknown): boolean {
  for (let cause = error; cause instanceof Error; cause = cause.cause)
    if ((cause as { code?: unknown }).code === '40P01') return true;
  return false;
}
