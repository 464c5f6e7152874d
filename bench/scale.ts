/**
 * `pnpm bench:scale`: is the product as fast for a municipality of 100,000 families as for one of
 * 1,000? For each size, a fresh database on the local PostgreSQL server gets a generated
 * municipality (apps/api/src/test/scale/generate-municipality.ts), the real API starts on it, and a
 * generated coordinator, service worker and manager (sessions written straight into the database,
 * as bench/realtime-world.ts does) read the hot endpoints. Prints p50/p95 per endpoint and size,
 * the p95 ratio of the largest size to the smallest against the goal (at most 2x), the API's
 * resident memory after each size, and writes the "Scale" section of docs/benchmarks.md. The
 * generated databases are dropped afterwards. Not part of the test suite.
 *
 * Requests go one at a time: the question is how one person's wait grows with the data, and
 * concurrent load would measure the two cores' queueing as much as the queries (`pnpm bench`
 * measures throughput). Each endpoint gets a warm-up, then up to BENCH_SCALE_REQUESTS requests or
 * BENCH_SCALE_SECONDS, whichever comes first (at least five).
 *
 * Env: BENCH_SCALE_SIZES (families, comma-separated; default 1000,10000,100000), BENCH_SCALE_REQUESTS
 * (default 100), BENCH_SCALE_SECONDS (per endpoint, default 30), BENCH_SCALE_SEED (default 13),
 * BENCH_PG_URL (the PostgreSQL server without a database name; loopback only; default
 * postgres://postgres@127.0.0.1:5432), BENCH_SCALE_PORT (the API's port; default: any free one),
 * BENCH_DOCS=0 (do not write docs/benchmarks.md).
 */
import { execFileSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type pg from 'pg';
import * as prettier from 'prettier';
import { openDatabase } from '../apps/api/src/db/database';
import { generateMunicipality } from '../apps/api/src/test/scale/generate-municipality';
import { samplePeople, scaleShape } from '../apps/api/src/test/scale/scale-ids';
import { sessionCookieFor } from '../apps/api/src/test/sessions';
import { hasExited, startTypeScript, stopAllChildren, stopChild, waitForHealth } from './children';
import { withSection } from './docs-section';
import { serverImports, serverNodeArgs, settledRss } from './memory';
import {
  consoleScaleReport,
  markdownScaleReport,
  SCALE_HEADING,
  type EndpointResult,
  type ScaleRun,
  type SizeRun,
} from './scale-report';

const repoRoot = path.resolve(__dirname, '..');
const requireFromApi = createRequire(path.join(repoRoot, 'apps/api/package.json'));
const { Client } = requireFromApi('pg') as typeof pg;

function wholeNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number, got "${raw}"`);
  return value;
}

const settings = {
  sizes: (process.env.BENCH_SCALE_SIZES ?? '1000,10000,100000').split(',').map((size) => {
    const value = Number(size.trim());
    if (!Number.isInteger(value) || value < 1) throw new Error(`BENCH_SCALE_SIZES: "${size}" is not a number of families`);
    return value;
  }),
  requests: Math.max(5, wholeNumber('BENCH_SCALE_REQUESTS', 100)),
  seconds: Math.max(1, wholeNumber('BENCH_SCALE_SECONDS', 30)),
  seed: wholeNumber('BENCH_SCALE_SEED', 13),
  postgresUrl: (process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432').replace(/\/+$/, ''),
  port: wholeNumber('BENCH_SCALE_PORT', 0),
  writeDocs: process.env.BENCH_DOCS !== '0',
};
const WARMUP_REQUESTS = 3;
/** The API counts as settled once it used less than this share of one core over two seconds. */
const SETTLED_CPU_PERCENT = 5;
const SETTLE_LIMIT_SECONDS = 300;

const out = (text = '') => process.stdout.write(`${text}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------------------------
// Cleanup: children are stopped and the databases dropped however the run ends.

const cleanups: (() => Promise<void>)[] = [];
async function cleanUp(): Promise<void> {
  await stopAllChildren();
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch((error: unknown) => console.error('cleanup:', error));
}
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => {
    console.error(`bench: ${signal}; stopping`);
    void cleanUp().finally(() => process.exit(130));
  });

async function adminQuery(text: string): Promise<void> {
  const client = new Client({ connectionString: `${settings.postgresUrl}/postgres` });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

async function freePort(): Promise<number> {
  if (settings.port) return settings.port;
  const probe = net.createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** CPU time (user + system) of a process in clock ticks, from /proc. */
function cpuTicks(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat
    .slice(stat.lastIndexOf(')') + 2)
    .split(' ')
    .map(Number);
  return (fields[11] ?? 0) + (fields[12] ?? 0);
}

/**
 * Waits until the API is idle: at start it runs its periodic jobs (overdue actions, invitation
 * reminders), which at 100,000 families take a while and would be measured with the endpoints.
 */
async function waitUntilSettled(api: ChildProcess): Promise<number> {
  const started = performance.now();
  const ticksPerSecond = 100;
  for (;;) {
    const before = cpuTicks(api.pid!);
    await sleep(2_000);
    const percent = ((cpuTicks(api.pid!) - before) / ticksPerSecond / 2) * 100;
    const waited = (performance.now() - started) / 1000;
    if (percent < SETTLED_CPU_PERCENT) return waited;
    if (waited > SETTLE_LIMIT_SECONDS) {
      out(`    the API is still busy (${percent.toFixed(0)} % of a core) after ${SETTLE_LIMIT_SECONDS} s; measuring anyway`);
      return waited;
    }
  }
}

interface Endpoint {
  label: string;
  path: string;
  cookie: string;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

async function timedGet(
  origin: string,
  endpoint: Endpoint,
): Promise<{ ms: number; status: number; bytes: number; text: string }> {
  const began = performance.now();
  const response = await fetch(origin + endpoint.path, { headers: { cookie: endpoint.cookie } });
  const text = await response.text();
  return { ms: performance.now() - began, status: response.status, bytes: Buffer.byteLength(text), text };
}

async function measure(origin: string, endpoint: Endpoint): Promise<EndpointResult> {
  const first = await timedGet(origin, endpoint);
  const base = { label: endpoint.label, path: endpoint.path, firstMs: first.ms, bytes: first.bytes };
  if (first.status === 400)
    // The API does not know this parameter (yet): shown as n/a, not as a failure.
    return { ...base, skipped: 'not offered by this API', requests: 0, p50: NaN, p95: NaN, max: NaN };
  if (first.status !== 200) throw new Error(`${endpoint.path} answered ${first.status}: ${first.text.slice(0, 300)}`);
  for (let warm = 1; warm < WARMUP_REQUESTS; warm += 1) await timedGet(origin, endpoint);
  const times: number[] = [];
  const deadline = performance.now() + settings.seconds * 1000;
  while (times.length < settings.requests && (times.length < 5 || performance.now() < deadline)) {
    const answer = await timedGet(origin, endpoint);
    if (answer.status !== 200) throw new Error(`${endpoint.path} answered ${answer.status}: ${answer.text.slice(0, 300)}`);
    times.push(answer.ms);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const result = {
    ...base,
    requests: times.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted.at(-1)!,
  };
  out(
    `    ${endpoint.label.padEnd(34)} first ${result.firstMs.toFixed(0).padStart(6)} ms, p50 ${result.p50.toFixed(1).padStart(7)} ms, p95 ${result.p95.toFixed(1).padStart(7)} ms (${times.length} requests, ${(result.bytes / 1024).toFixed(0)} KB)`,
  );
  return result;
}

async function benchSize(families: number): Promise<SizeRun> {
  const name = `scale_yhdessa_${process.pid}_${families}`;
  const url = `${settings.postgresUrl}/${name}`;
  out(`\n${families.toLocaleString('en-US')} families: database ${name}`);
  await adminQuery(`create database ${name}`);
  const dropDatabase = () => adminQuery(`drop database if exists ${name} with (force)`);
  cleanups.push(dropDatabase);

  const database = await openDatabase({ url, dataDir: '' });
  const generation = await generateMunicipality(database.db, {
    families,
    seed: settings.seed,
    onStep: (step, ms) => ms > 1_000 && out(`    ${step}: ${(ms / 1000).toFixed(1)} s`),
  });
  out(`  generated in ${(generation.ms / 1000).toFixed(1)} s`);
  const people = samplePeople(settings.seed, scaleShape(families));
  const cookies = {
    coordinator: await sessionCookieFor(database.db, people.coordinatorId),
    worker: await sessionCookieFor(database.db, people.workerId),
    manager: await sessionCookieFor(database.db, people.managerId),
  };
  await database.close();

  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const api = startTypeScript('apps/api/src/server.ts', {
    label: 'api',
    cwd: repoRoot,
    nodeArgs: serverNodeArgs,
    imports: serverImports,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'development',
      PORT: String(port),
      DATABASE_URL: url,
      LOG_LEVEL: 'warn',
      WEB_DIST: '/nonexistent',
      PUBLIC_URL: origin,
    },
  });
  await waitForHealth(origin, api, 'the API', 120_000);
  out('  waiting for the API to finish its start-up jobs ...');
  const settleSeconds = await waitUntilSettled(api);
  out(`  settled after ${settleSeconds.toFixed(0)} s; measuring`);

  const { coordinator, worker, manager } = cookies;
  const endpoints: Endpoint[] = [
    { label: "coordinator's workspace", path: '/api/workspace', cookie: coordinator },
    { label: 'family list', path: '/api/families', cookie: coordinator },
    { label: 'family list, search', path: '/api/families?q=virta', cookie: coordinator },
    { label: 'family list, filter', path: '/api/families?status=active', cookie: coordinator },
    { label: 'family list, by attention', path: '/api/families?sort=attention', cookie: coordinator },
    { label: 'plan read', path: `/api/families/${people.familyId}/plan`, cookie: coordinator },
    { label: "worker's workspace", path: '/api/workspace', cookie: worker },
    { label: "worker's family list", path: '/api/families', cookie: worker },
    { label: 'manager: costs', path: '/api/insights/costs', cookie: manager },
    { label: 'manager: forecast', path: '/api/insights/forecast', cookie: manager },
    { label: 'manager: change', path: '/api/insights/change', cookie: manager },
    { label: 'manager: outcomes', path: '/api/insights/outcomes', cookie: manager },
    { label: 'manager: caseloads', path: '/api/insights/caseloads', cookie: manager },
  ];
  const results: EndpointResult[] = [];
  for (const endpoint of endpoints) {
    results.push(await measure(origin, endpoint));
    if (hasExited(api)) throw new Error(`the API exited (${api.exitCode ?? api.signalCode}) during "${endpoint.label}"`);
  }
  const rssBytes = await settledRss(api);
  out(`  API resident memory after the run: ${Math.round(rssBytes / 1024 / 1024)} MiB`);
  await stopChild(api, 20_000);
  cleanups.splice(cleanups.indexOf(dropDatabase), 1);
  await dropDatabase();
  return { families, generation: { ms: generation.ms, rows: generation.rows }, rssBytes, settleSeconds, endpoints: results };
}

function commandLine(): string {
  const set = Object.keys(process.env)
    .filter((name) => name.startsWith('BENCH_'))
    .sort()
    .map((name) => `${name}=${process.env[name]}`);
  return [...set, 'pnpm bench:scale'].join(' ');
}

async function main(): Promise<void> {
  const server = new URL(settings.postgresUrl);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(server.hostname))
    throw new Error(`BENCH_PG_URL must point at this machine (loopback), not ${server.hostname}`);
  const startedAt = new Date();
  const loadAtStart = os.loadavg()[0]!.toFixed(2);
  const sizes: SizeRun[] = [];
  for (const families of settings.sizes) sizes.push(await benchSize(families));
  await cleanUp();

  const run: ScaleRun = {
    date: startedAt.toISOString(),
    code: execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim(),
    command: commandLine(),
    machine: `${os.type()} ${os.release()} (${os.arch()}); ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'CPU'}; Node ${process.version}; 1-minute load average ${loadAtStart} when the run began`,
    settings: `one request at a time; per endpoint ${WARMUP_REQUESTS} warm-up requests, then up to ${settings.requests} requests or ${settings.seconds} s (at least 5); seed ${settings.seed}`,
    sizes,
  };
  out(consoleScaleReport(run));
  if (settings.writeDocs) {
    const file = path.join(repoRoot, 'docs/benchmarks.md');
    const options = (await prettier.resolveConfig(file)) ?? {};
    const text = withSection(fs.readFileSync(file, 'utf8'), SCALE_HEADING, markdownScaleReport(run));
    fs.writeFileSync(file, await prettier.format(text, { ...options, filepath: file }));
    out(`\nwrote the ${SCALE_HEADING} section of ${path.relative(repoRoot, file)}`);
  }
}

main().catch(async (error: unknown) => {
  console.error(error);
  await cleanUp();
  process.exit(1);
});
