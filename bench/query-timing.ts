/**
 * Profiling aid, preloaded into the API (`node --import tsx --import ./bench/query-timing.ts`,
 * which `BENCH_QUERY_LOG=<dir> pnpm bench` does): times every SQL statement at the driver, for
 * node-postgres and for PGlite (its own query path and the API's prepared statements), without
 * touching the API's code.
 *
 * On SIGUSR2 it writes what it counted since the previous SIGUSR2 to
 * `<BENCH_QUERY_LOG>/queries-<pid>-<n>.json` and starts counting afresh; `run.ts` sends one
 * before and after each full-stack scenario. Times are wall-clock from the call to the answer:
 * with PGlite that includes waiting for the embedded database's single lock.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { PGlite, Transaction } from '@electric-sql/pglite';
import type pg from 'pg';

interface Tally {
  count: number;
  totalMs: number;
  maxMs: number;
}

const outputDir = process.env.BENCH_QUERY_LOG;
const requireFromApi = createRequire(path.resolve(__dirname, '../apps/api/package.json'));
let tallies = new Map<string, Tally>();
let snapshot = 0;

function keyOf(text: unknown): string {
  const sql = typeof text === 'string' ? text : String((text as { text?: unknown } | null)?.text ?? text);
  return sql.replace(/\s+/g, ' ').trim().slice(0, 160);
}

function record(key: string, startedAt: bigint): void {
  const ms = Number(process.hrtime.bigint() - startedAt) / 1e6;
  const tally = tallies.get(key) ?? { count: 0, totalMs: 0, maxMs: 0 };
  tally.count += 1;
  tally.totalMs += ms;
  tally.maxMs = Math.max(tally.maxMs, ms);
  tallies.set(key, tally);
}

async function timed<T>(key: string, work: () => Promise<T>): Promise<T> {
  const startedAt = process.hrtime.bigint();
  try {
    return await work();
  } finally {
    record(key, startedAt);
  }
}

function patchPg(): void {
  const { Client } = requireFromApi('pg') as typeof pg;
  const original = Client.prototype.query as (...args: unknown[]) => unknown;
  (Client.prototype as unknown as { query: (...args: unknown[]) => unknown }).query = function (
    this: pg.Client,
    ...args: unknown[]
  ) {
    const key = keyOf(args[0]);
    const startedAt = process.hrtime.bigint();
    // pg-pool calls with a callback; drizzle inside a transaction without one.
    const callbackIndex = args.findIndex((arg) => typeof arg === 'function');
    if (callbackIndex >= 0) {
      const callback = args[callbackIndex] as (...results: unknown[]) => unknown;
      args[callbackIndex] = (...results: unknown[]) => {
        record(key, startedAt);
        return callback(...results);
      };
      return original.apply(this, args);
    }
    const result = original.apply(this, args);
    if (result instanceof Promise) return result.finally(() => record(key, startedAt));
    return result;
  };
}

function patchPglite(): void {
  const { PGlite: PGliteClass } = requireFromApi('@electric-sql/pglite') as { PGlite: typeof PGlite };
  const prototype = PGliteClass.prototype as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  const query = prototype.query!;
  prototype.query = function (this: PGlite, ...args: unknown[]) {
    return timed(keyOf(args[0]), () => query.apply(this, args));
  };
  const transaction = prototype.transaction!;
  prototype.transaction = function (this: PGlite, callback: unknown) {
    const work = callback as (tx: Transaction) => Promise<unknown>;
    let callbackMs = 0;
    const startedAt = process.hrtime.bigint();
    return transaction
      .call(this, async (tx: Transaction) => {
        const txQuery = tx.query.bind(tx);
        tx.query = ((text: string, params?: unknown[], options?: unknown) =>
          timed(keyOf(text), () => txQuery(text, params, options as never))) as Transaction['query'];
        const callbackStart = process.hrtime.bigint();
        try {
          return await work(tx);
        } finally {
          callbackMs = Number(process.hrtime.bigint() - callbackStart) / 1e6;
        }
      })
      .finally(() => {
        // The transaction's own cost: waiting for the lock, BEGIN and COMMIT.
        const totalMs = Number(process.hrtime.bigint() - startedAt) / 1e6;
        const key = '(PGlite transaction: lock wait + BEGIN + COMMIT)';
        const tally = tallies.get(key) ?? { count: 0, totalMs: 0, maxMs: 0 };
        tally.count += 1;
        tally.totalMs += totalMs - callbackMs;
        tally.maxMs = Math.max(tally.maxMs, totalMs - callbackMs);
        tallies.set(key, tally);
      });
  };
}

/**
 * The API runs its statements prepared (`db/prepared-pglite.ts`): a Parse message names a
 * statement's text once, and each run is one `execProtocol` call beginning with a Bind of that
 * name. Read the names from the messages, so each run is counted under its statement's text.
 */
function patchPglitePrepared(): void {
  const { PGlite: PGliteClass } = requireFromApi('@electric-sql/pglite') as { PGlite: typeof PGlite };
  const prototype = PGliteClass.prototype as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  const execProtocol = prototype.execProtocol!;
  const texts = new Map<string, string>();
  const cString = (bytes: Uint8Array, from: number) => {
    const end = bytes.indexOf(0, from);
    return { text: Buffer.from(bytes.subarray(from, end)).toString('utf8'), next: end + 1 };
  };
  prototype.execProtocol = function (this: PGlite, ...args: unknown[]) {
    const message = args[0] as Uint8Array;
    const type = String.fromCharCode(message[0]!);
    let key = '(PGlite protocol call)';
    if (type === 'P') {
      const name = cString(message, 5);
      const text = cString(message, name.next).text;
      texts.set(name.text, text);
      key = `(prepare) ${keyOf(text)}`;
    } else if (type === 'B') {
      const statement = cString(message, cString(message, 5).next).text;
      key = keyOf(texts.get(statement) ?? statement);
    }
    return timed(key, () => execProtocol.apply(this, args));
  };
}

function dump(): void {
  if (!outputDir) return;
  snapshot += 1;
  const entries = [...tallies]
    .map(([sql, tally]) => ({ sql, ...tally, meanMs: tally.totalMs / tally.count }))
    .sort((a, b) => b.totalMs - a.totalMs);
  fs.mkdirSync(outputDir, { recursive: true });
  fs.writeFileSync(path.join(outputDir, `queries-${process.pid}-${snapshot}.json`), JSON.stringify(entries, null, 2));
  tallies = new Map();
}

patchPg();
patchPglite();
patchPglitePrepared();
process.on('SIGUSR2', dump);
