/**
 * `pnpm bench:scale`: is the product as fast for a municipality of 100,000 families as for one of
 * 1,000? For each size, a fresh database on the local PostgreSQL server gets a generated
 * municipality (apps/api/src/test/scale/generate-municipality.ts), the real API starts on it, and a
 * generated coordinator, service worker and manager (sessions written straight into the database,
 * as bench/realtime-world.ts does) read the hot endpoints. Prints p50/p95 per endpoint and size,
 * the p95 ratio of the largest size to the smallest against the goal (at most 2x), the first request
 * of each endpoint (a cold cache: what a manager waits for after any change), the API's resident
 * memory after each size, and writes the "Scale" section of docs/benchmarks.md. The generated
 * databases are dropped afterwards unless kept. Not part of the test suite.
 *
 * Requests go one at a time: the question is how one person's wait grows with the data, and
 * concurrent load would measure the two cores' queueing as much as the queries (`pnpm bench`
 * measures throughput). Every size is generated first and gets an API of its own; then each
 * endpoint is read at every size in turn, request by request, so a machine busy with other work
 * slows all sizes alike and their ratio stays fair. Per endpoint: a warm-up, then up to
 * BENCH_SCALE_REQUESTS requests per size within BENCH_SCALE_SECONDS for all sizes (at least five).
 *
 * Env: BENCH_SCALE_SIZES (families, comma-separated; default 1000,10000,100000), BENCH_SCALE_REQUESTS
 * (default 100), BENCH_SCALE_SECONDS (per endpoint, all sizes together, default 90), BENCH_SCALE_SEED (default 13),
 * BENCH_PG_URL (the PostgreSQL server without a database name; loopback only; default
 * postgres://postgres@127.0.0.1:5432), BENCH_SCALE_PORT (the first API's port, the next sizes' the ports after it;
 * default: any free ones), BENCH_SCALE_DB (the databases' name prefix, each size's database is
 * `<prefix>_<families>`; default scale_yhdessa_<pid>), BENCH_SCALE_KEEP=1 (keep the databases, and use
 * one kept by an earlier run with the same prefix, size and seed instead of generating it again:
 * 100,000 families take minutes; needs BENCH_SCALE_DB), BENCH_SCALE_ONLY (measure only the endpoints
 * whose label contains it, e.g. `manager`; a partial run does not write docs/benchmarks.md),
 * BENCH_DOCS=0 (do not write docs/benchmarks.md).
 */
import { execFileSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type pg from 'pg';
import * as prettier from 'prettier';
import { openDatabase } from '../apps/api/src/db/database';
import { generateMunicipality } from '../apps/api/src/test/scale/generate-municipality';
import { samplePeople, scaleShape } from '../apps/api/src/test/scale/scale-ids';
import { sessionCookieFor } from '../apps/api/src/test/sessions';
import { atCleanUp, cleanUp, freePort, hasExited, startTypeScript, stopChild, waitForHealth } from './children';
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
import { wholeNumberFromEnv } from './env-settings';

const repoRoot = path.resolve(__dirname, '..');
const requireFromApi = createRequire(path.join(repoRoot, 'apps/api/package.json'));
const { Client } = requireFromApi('pg') as typeof pg;

const settings = {
  sizes: (process.env.BENCH_SCALE_SIZES ?? '1000,10000,100000').split(',').map((size) => {
    const value = Number(size.trim());
    if (!Number.isInteger(value) || value < 1) throw new Error(`BENCH_SCALE_SIZES: "${size}" is not a number of families`);
    return value;
  }),
  requests: Math.max(5, wholeNumberFromEnv('BENCH_SCALE_REQUESTS', 100)),
  seconds: Math.max(1, wholeNumberFromEnv('BENCH_SCALE_SECONDS', 90)),
  seed: wholeNumberFromEnv('BENCH_SCALE_SEED', 13),
  postgresUrl: (process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432').replace(/\/+$/, ''),
  port: wholeNumberFromEnv('BENCH_SCALE_PORT', 0),
  databasePrefix: process.env.BENCH_SCALE_DB || `scale_yhdessa_${process.pid}`,
  keep: process.env.BENCH_SCALE_KEEP === '1',
  only: process.env.BENCH_SCALE_ONLY ?? '',
  writeDocs: process.env.BENCH_DOCS !== '0' && !process.env.BENCH_SCALE_ONLY,
};
if (!/^[a-z_][a-z0-9_]*$/.test(settings.databasePrefix)) throw new Error('BENCH_SCALE_DB: lower-case letters, digits and _ only');
if (settings.keep && !process.env.BENCH_SCALE_DB)
  throw new Error('BENCH_SCALE_KEEP=1 needs BENCH_SCALE_DB: a name the next run finds');
const WARMUP_REQUESTS = 3;
/** The API counts as settled once it used less than this share of one core over two seconds. */
const SETTLED_CPU_PERCENT = 5;
const SETTLE_LIMIT_SECONDS = 300;

const out = (text = '') => process.stdout.write(`${text}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function adminQuery<Row extends object = object>(text: string, values: unknown[] = []): Promise<Row[]> {
  const client = new Client({ connectionString: `${settings.postgresUrl}/postgres` });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as Row[];
  } finally {
    await client.end();
  }
}

/**
 * A kept database carries what its generation reported as its comment, written once generation
 * finished: a database without one was left half-made and is generated again.
 */
async function keptGeneration(name: string): Promise<Municipality['generation'] | null> {
  const [row] = await adminQuery<{ comment: string | null }>(
    `select shobj_description(oid, 'pg_database') as comment from pg_database where datname = $1`,
    [name],
  );
  if (!row) return null;
  const kept = row.comment ? (JSON.parse(row.comment) as { seed: number; generation: Municipality['generation'] }) : null;
  if (kept?.seed === settings.seed) return kept.generation;
  await adminQuery(`drop database ${name} with (force)`);
  return null;
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

/** One size's municipality: its database, the API started on it, and who reads. */
interface Municipality {
  families: number;
  url: string;
  origin: string;
  api?: ChildProcess;
  people: ReturnType<typeof samplePeople>;
  cookies: Record<'coordinator' | 'worker' | 'manager', string>;
  generation: { ms: number; rows: Record<string, number> };
  settleSeconds: number;
}

interface Endpoint {
  label: string;
  who: keyof Municipality['cookies'];
  path: (municipality: Municipality) => string;
  /** An aggregate kept between changes: also measured once right after a change. */
  kept?: boolean;
}

const allEndpoints: Endpoint[] = [
  { label: "coordinator's workspace", who: 'coordinator', path: () => '/api/workspace' },
  { label: 'family list', who: 'coordinator', path: () => '/api/families' },
  { label: 'family list, search', who: 'coordinator', path: () => '/api/families?q=virta' },
  { label: 'family list, filter', who: 'coordinator', path: () => '/api/families?status=active' },
  { label: 'family list, by attention', who: 'coordinator', path: () => '/api/families?sort=attention' },
  { label: 'plan read', who: 'coordinator', path: (municipality) => `/api/families/${municipality.people.familyId}/plan` },
  { label: "worker's workspace", who: 'worker', path: () => '/api/workspace' },
  { label: "worker's family list", who: 'worker', path: () => '/api/families' },
  { label: 'manager: costs', who: 'manager', path: () => '/api/insights/costs', kept: true },
  { label: 'manager: forecast', who: 'manager', path: () => '/api/insights/forecast', kept: true },
  { label: 'manager: change', who: 'manager', path: () => '/api/insights/change', kept: true },
  { label: 'manager: outcomes', who: 'manager', path: () => '/api/insights/outcomes', kept: true },
  { label: 'manager: caseloads', who: 'manager', path: () => '/api/insights/caseloads', kept: true },
];
const endpoints = allEndpoints.filter((endpoint) => endpoint.label.includes(settings.only));

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

async function timedGet(municipality: Municipality, endpoint: Endpoint) {
  const path = endpoint.path(municipality);
  const began = performance.now();
  const response = await fetch(municipality.origin + path, { headers: { cookie: municipality.cookies[endpoint.who] } });
  const text = await response.text();
  if (response.status !== 200 && response.status !== 400)
    throw new Error(`${path} (${municipality.families} families) answered ${response.status}: ${text.slice(0, 300)}`);
  return { ms: performance.now() - began, status: response.status, bytes: Buffer.byteLength(text) };
}

/** A statement that changes a table every aggregate is drawn from, and no figure: a family's status set to itself. */
async function touchData(municipality: Municipality): Promise<void> {
  const client = new Client({ connectionString: municipality.url });
  await client.connect();
  try {
    await client.query(`update families set status = status where id = $1`, [municipality.people.familyId]);
  } finally {
    await client.end();
  }
}

/**
 * The manager's page after a change: its aggregates asked for at once, as the page asks for them,
 * until the last answer; none when no aggregate is measured.
 */
async function timedPageAfterChange(municipality: Municipality): Promise<number | undefined> {
  const kept = endpoints.filter((endpoint) => endpoint.kept);
  if (kept.length === 0) return undefined;
  await touchData(municipality);
  const began = performance.now();
  await Promise.all(kept.map((endpoint) => timedGet(municipality, endpoint)));
  const ms = performance.now() - began;
  out(`    manager's page after a change ${String(municipality.families).padStart(6)}: ${ms.toFixed(0)} ms`);
  return ms;
}

/**
 * One endpoint at every size, the sizes taking turns request by request: whatever else the
 * machine is doing slows every size alike, so their ratio holds on a busy machine.
 */
async function measure(municipalities: Municipality[], endpoint: Endpoint): Promise<EndpointResult[]> {
  const firsts: Awaited<ReturnType<typeof timedGet>>[] = [];
  for (const municipality of municipalities) firsts.push(await timedGet(municipality, endpoint));
  if (firsts.some((first) => first.status === 400))
    // The API does not know this parameter (yet): shown as n/a, not as a failure.
    return firsts.map((first) => ({
      label: endpoint.label,
      path: endpoint.path(municipalities[0]!).replace(municipalities[0]!.people.familyId, ':familyId'),
      skipped: 'not offered by this API',
      firstMs: first.ms,
      requests: 0,
      p50: NaN,
      p95: NaN,
      max: NaN,
      bytes: first.bytes,
    }));
  for (let warm = 1; warm < WARMUP_REQUESTS; warm += 1)
    for (const municipality of municipalities) await timedGet(municipality, endpoint);
  const times: number[][] = municipalities.map(() => []);
  const deadline = performance.now() + settings.seconds * 1000;
  for (let round = 0; round < settings.requests && (round < 5 || performance.now() < deadline); round += 1)
    for (let turn = 0; turn < municipalities.length; turn += 1) {
      // Each round starts with another size, so none is always measured right after another.
      const index = (round + turn) % municipalities.length;
      times[index]!.push((await timedGet(municipalities[index]!, endpoint)).ms);
    }
  const afterChange: (number | undefined)[] = [];
  for (const municipality of municipalities) {
    if (!endpoint.kept) continue;
    await touchData(municipality);
    afterChange.push((await timedGet(municipality, endpoint)).ms);
  }
  return municipalities.map((municipality, index) => {
    const sorted = [...times[index]!].sort((a, b) => a - b);
    const result = {
      afterChangeMs: afterChange[index],
      label: endpoint.label,
      path: endpoint.path(municipalities[0]!).replace(municipalities[0]!.people.familyId, ':familyId'),
      firstMs: firsts[index]!.ms,
      requests: sorted.length,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      max: sorted.at(-1)!,
      bytes: firsts[index]!.bytes,
    };
    out(
      `    ${endpoint.label.padEnd(28)} ${String(municipality.families).padStart(6)}: first ${result.firstMs.toFixed(0).padStart(6)} ms, p50 ${result.p50.toFixed(1).padStart(7)} ms, p95 ${result.p95.toFixed(1).padStart(7)} ms (${sorted.length} requests, ${(result.bytes / 1024).toFixed(0)} KB)${result.afterChangeMs === undefined ? '' : `, after a change ${result.afterChangeMs.toFixed(0)} ms`}`,
    );
    return result;
  });
}

/** A fresh database with a generated municipality, and the sessions of the people who read it. */
async function generate(families: number): Promise<Municipality> {
  const name = `${settings.databasePrefix}_${families}`;
  const url = `${settings.postgresUrl}/${name}`;
  out(`\n${families.toLocaleString('en-US')} families: database ${name}`);
  const kept = settings.keep ? await keptGeneration(name) : null;
  if (!kept) await adminQuery(`create database ${name}`);
  if (!settings.keep) atCleanUp(async () => void (await adminQuery(`drop database if exists ${name} with (force)`)));
  const database = await openDatabase({ url, dataDir: '' });
  try {
    const generation =
      kept ??
      (await generateMunicipality(database.db, {
        families,
        seed: settings.seed,
        onStep: (step, ms) => ms > 5_000 && out(`    ${step}: ${(ms / 1000).toFixed(1)} s`),
      }));
    out(kept ? '  kept from an earlier run' : `  generated in ${(generation.ms / 1000).toFixed(1)} s`);
    if (settings.keep && !kept)
      await adminQuery(
        `comment on database ${name} is '${JSON.stringify({ seed: settings.seed, generation: { ms: generation.ms, rows: generation.rows } })}'`,
      );
    const people = samplePeople(settings.seed, scaleShape(families));
    const cookies = {
      coordinator: await sessionCookieFor(database.db, people.coordinatorId),
      worker: await sessionCookieFor(database.db, people.workerId),
      manager: await sessionCookieFor(database.db, people.managerId),
    };
    return {
      families,
      url,
      origin: '',
      people,
      cookies,
      generation: { ms: generation.ms, rows: generation.rows },
      settleSeconds: 0,
    };
  } finally {
    await database.close();
  }
}

async function startApi(municipality: Municipality, port: number): Promise<void> {
  municipality.origin = `http://127.0.0.1:${port}`;
  const api = startTypeScript('apps/api/src/server.ts', {
    label: `api ${municipality.families}`,
    cwd: repoRoot,
    nodeArgs: serverNodeArgs,
    imports: serverImports,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'development',
      PORT: String(port),
      DATABASE_URL: municipality.url,
      LOG_LEVEL: 'warn',
      WEB_DIST: '/nonexistent',
      PUBLIC_URL: municipality.origin,
    },
  });
  municipality.api = api;
  await waitForHealth(municipality.origin, api, `the API of ${municipality.families} families`, 120_000);
}

async function benchSizes(): Promise<SizeRun[]> {
  const municipalities: Municipality[] = [];
  for (const families of settings.sizes) municipalities.push(await generate(families));
  out('\nstarting an API on each ...');
  for (const [index, municipality] of municipalities.entries())
    await startApi(municipality, settings.port ? settings.port + index : await freePort());
  out('  waiting for their start-up jobs ...');
  for (const municipality of municipalities) municipality.settleSeconds = await waitUntilSettled(municipality.api!);
  out('  measuring');
  const results: EndpointResult[][] = municipalities.map(() => []);
  for (const endpoint of endpoints) {
    // An endpoint that fails (an error, no answer within five minutes) is a finding: it is shown, and the run goes on.
    const measured = await measure(municipalities, endpoint).catch((error: unknown) => {
      out(`    ${endpoint.label}: failed: ${String(error).slice(0, 200)}`);
      return municipalities.map((municipality) => ({
        label: endpoint.label,
        path: endpoint.path(municipality),
        skipped: `failed: ${String(error).slice(0, 120)}`,
        firstMs: NaN,
        requests: 0,
        p50: NaN,
        p95: NaN,
        max: NaN,
        bytes: 0,
      }));
    });
    measured.forEach((result, index) => results[index]!.push(result));
    for (const { api, families } of municipalities)
      if (hasExited(api!)) throw new Error(`the API of ${families} families exited during "${endpoint.label}"`);
  }
  const pageMs: (number | undefined)[] = [];
  for (const municipality of municipalities) pageMs.push(await timedPageAfterChange(municipality));
  const runs: SizeRun[] = [];
  for (const [index, municipality] of municipalities.entries()) {
    const rssBytes = await settledRss(municipality.api!);
    out(`  API of ${municipality.families} families: resident memory after the run ${Math.round(rssBytes / 1024 / 1024)} MiB`);
    await stopChild(municipality.api!, 20_000);
    runs.push({
      families: municipality.families,
      generation: municipality.generation,
      rssBytes,
      settleSeconds: municipality.settleSeconds,
      managerPageAfterChangeMs: pageMs[index],
      endpoints: results[index]!,
    });
  }
  return runs;
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
  const sizes = await benchSizes();
  await cleanUp();

  const run: ScaleRun = {
    date: startedAt.toISOString(),
    code: execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim(),
    command: commandLine(),
    machine: `${os.type()} ${os.release()} (${os.arch()}); ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'CPU'}; Node ${process.version}; 1-minute load average ${loadAtStart} when the run began`,
    settings: `one request at a time, the sizes' APIs taking turns request by request; per endpoint and size ${WARMUP_REQUESTS} warm-up requests, then up to ${settings.requests} requests (at least 5) within ${settings.seconds} s for all sizes; seed ${settings.seed}`,
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
