/** A benchmark server's memory: started with `serverNodeArgs` and `serverImports`, it collects garbage when asked. */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** A server started with these runs the collector at the benchmark's call (see gc-hook.ts). */
export const serverNodeArgs = ['--expose-gc'];
export const serverImports = [path.join(__dirname, 'gc-hook.ts')];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The server's resident memory after a full garbage collection (see gc-hook.ts). */
export async function settledRss(server: ChildProcess): Promise<number> {
  const collected = new Promise<void>((resolve) => {
    const done = (message: unknown) => {
      if (message !== 'gc-done') return;
      server.off('message', done);
      resolve();
    };
    server.on('message', done);
  });
  server.send('gc');
  await Promise.race([collected, sleep(5_000)]);
  await sleep(200);
  const line = fs
    .readFileSync(`/proc/${server.pid}/status`, 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('VmRSS:'));
  return Number(line?.match(/(\d+)/)?.[1] ?? 0) * 1024;
}
