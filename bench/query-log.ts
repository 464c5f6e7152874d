/** The API's SQL statements as bench/query-timing.ts times them, collected between two points of a benchmark. */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface QueryTally {
  sql: string;
  count: number;
  totalMs: number;
  meanMs: number;
  maxMs: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Asks the API (SIGUSR2) for the statements it timed since the last ask, stores them as
 * `<dir>/<name>.json` and returns them. The API must run with bench/query-timing.ts preloaded
 * and BENCH_QUERY_LOG=<dir>.
 */
export async function collectQueryLog(child: ChildProcess, dir: string, name: string): Promise<QueryTally[] | undefined> {
  if (child.pid === undefined) return undefined;
  const before = new Set(fs.existsSync(dir) ? fs.readdirSync(dir) : []);
  child.kill('SIGUSR2');
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const written = fs.existsSync(dir)
      ? fs.readdirSync(dir).find((file) => file.startsWith(`queries-${child.pid}-`) && !before.has(file))
      : undefined;
    if (written) {
      await sleep(100); // written synchronously in one call; let it land
      const target = path.join(dir, `${name}.json`);
      fs.renameSync(path.join(dir, written), target);
      return JSON.parse(fs.readFileSync(target, 'utf8')) as QueryTally[];
    }
    await sleep(50);
  }
  throw new Error('the API wrote no query log; was it started with bench/query-timing.ts?');
}

/** The statements per request, the slowest first, as lines to print under `heading`. */
export function queryLogLines(heading: string, tallies: QueryTally[], requests: number): string[] {
  const total = tallies.reduce((sum, tally) => sum + tally.totalMs, 0);
  return [
    `    ${heading}:`,
    '      calls/req  mean ms  max ms  share  statement',
    ...tallies
      .slice(0, 14)
      .map(
        (tally) =>
          `      ${(tally.count / requests).toFixed(2).padStart(9)}  ${tally.meanMs.toFixed(3).padStart(7)}  ${tally.maxMs
            .toFixed(1)
            .padStart(6)}  ${((tally.totalMs / total) * 100).toFixed(1).padStart(4)}%  ${tally.sql.slice(0, 110)}`,
      ),
  ];
}
