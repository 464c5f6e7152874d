/**
 * `pnpm bench:realtime`: how fast an edit reaches everyone looking at the plan, at scale. 1,000
 * signed-in socket.io clients over 200 families keep their family's plan open on the real API
 * (on a fresh database of the PostgreSQL server); coordinators edit their family's action at a
 * steady rate through the real HTTP API; every client times each edit from the moment its
 * request was sent to the moment the client hears of it. The same clients, rooms and rate on a
 * plain socket.io server (bench/bare-socket-server.ts, an HTTP request triggering the room emit)
 * give the baseline. Prints latency p50/p95/p99 of both, their ratio, the edits' answer times and
 * each server's memory per connection (RSS before and after the clients connect), and writes the
 * "Realtime" section of docs/benchmarks.md. Not part of the test suite.
 *
 * Env: BENCH_RT_CLIENTS (default 1000), BENCH_RT_FAMILIES (200), BENCH_RT_RATE (edits per second,
 * 20), BENCH_RT_DURATION (seconds measured per scenario, 30), BENCH_RT_WARMUP (seconds, 5),
 * BENCH_PG_URL (the PostgreSQL server, without a database name; loopback only; default
 * postgres://postgres@127.0.0.1:5432), BENCH_PROFILE=<dir> (a CPU profile of the API, summarised
 * in the report), BENCH_QUERY_LOG=<dir> (every SQL statement of the measured edits timed at the
 * driver, see bench/query-timing.ts), BENCH_DOCS=0 (do not write docs/benchmarks.md).
 */
import { execFileSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type pg from 'pg';
import * as prettier from 'prettier';
import type { io as ioType, Socket } from 'socket.io-client';
import { openDatabase } from '../apps/api/src/db/database';
import { atCleanUp, cleanUp, freePort, startTypeScript, waitForHealth } from './children';
import { cpuShares, cpuSnapshot } from './cpu-usage';
import { withSection } from './docs-section';
import { serverImports, serverNodeArgs, settledRss } from './memory';
import { collectQueryLog, queryLogLines } from './query-log';
import { buildRealtimeWorld, type BenchFamily } from './realtime-world';
import {
  consoleRealtimeReport,
  markdownRealtimeReport,
  REALTIME_HEADING,
  type RealtimeRun,
  type ScenarioResult,
} from './realtime-report';
import { wholeNumberFromEnv } from './env-settings';

const repoRoot = path.resolve(__dirname, '..');
const requireFromApi = createRequire(path.join(repoRoot, 'apps/api/package.json'));
const connect = (requireFromApi('socket.io-client') as { io: typeof ioType }).io;
const { Client } = requireFromApi('pg') as typeof pg;

const settings = {
  clients: wholeNumberFromEnv('BENCH_RT_CLIENTS', 1000),
  families: wholeNumberFromEnv('BENCH_RT_FAMILIES', 200),
  rate: wholeNumberFromEnv('BENCH_RT_RATE', 20),
  durationSeconds: wholeNumberFromEnv('BENCH_RT_DURATION', 30),
  warmupSeconds: wholeNumberFromEnv('BENCH_RT_WARMUP', 5),
  postgresUrl: (process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432').replace(/\/+$/, ''),
  profileDir: process.env.BENCH_PROFILE ? path.resolve(process.env.BENCH_PROFILE) : undefined,
  queryLogDir: process.env.BENCH_QUERY_LOG ? path.resolve(process.env.BENCH_QUERY_LOG) : undefined,
  writeDocs: process.env.BENCH_DOCS !== '0',
};
/** How long a delivery may take before it counts as lost. */
const DELIVERY_TIMEOUT_MS = 5_000;
/** Connections opened at once: a thousand handshakes in one go would measure the storm, not the steady state. */
const CONNECT_BATCH = 50;

const out = (text = '') => process.stdout.write(`${text}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------------------------
// Clients

interface Viewer {
  socket: Socket;
  family: BenchFamily;
}

/** Opens one socket per viewer session and joins its family's room, `CONNECT_BATCH` at a time. */
async function connectViewers(url: string, families: BenchFamily[], withCookies: boolean): Promise<Viewer[]> {
  const wanted = families.flatMap((family) => family.viewerCookies.map((cookie) => ({ family, cookie })));
  const viewers: Viewer[] = [];
  for (let start = 0; start < wanted.length; start += CONNECT_BATCH) {
    const batch = wanted.slice(start, start + CONNECT_BATCH).map(async ({ family, cookie }) => {
      const socket = connect(url, {
        transports: ['websocket'],
        // Each client its own connection, as each browser has.
        forceNew: true,
        reconnection: false,
        extraHeaders: withCookies ? { cookie } : {},
      });
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', resolve);
        socket.once('connect_error', reject);
      });
      const ack = await socket.timeout(30_000).emitWithAck('family:join', { familyId: family.id });
      if (!ack?.ok) throw new Error(`join refused: ${JSON.stringify(ack)}`);
      return { socket, family };
    });
    viewers.push(...(await Promise.all(batch)));
  }
  return viewers;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const summary = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted.at(-1) ?? NaN };
};

/** Sends one edit of the family; resolves with the version its event will carry. */
type Edit = (family: BenchFamily) => Promise<void>;

/**
 * Edits at `rate` per second, the families in turn (open loop: an edit is sent on time whether
 * or not the previous ones were answered); every viewer times the edits of its family.
 */
async function measure(viewers: Viewer[], families: BenchFamily[], edit: Edit, seconds: number) {
  const pending = new Map<string, { sentAt: number; expected: number; heardAt: number[]; answeredAt?: number }>();
  const latencies: number[] = [];
  const answers: number[] = [];
  let failures = 0;
  const viewerCount = new Map<string, number>();
  for (const viewer of viewers) viewerCount.set(viewer.family.id, (viewerCount.get(viewer.family.id) ?? 0) + 1);
  const listeners = viewers.map((viewer) => {
    const listener = (event: { id: string; version: number }) => {
      const heardAt = performance.now();
      const entry = pending.get(`${event.id}:${event.version}`);
      if (!entry) return;
      entry.heardAt.push(heardAt);
      latencies.push(heardAt - entry.sentAt);
    };
    viewer.socket.on('family:event', listener);
    return () => viewer.socket.off('family:event', listener);
  });

  const total = Math.round(seconds * settings.rate);
  const interval = 1000 / settings.rate;
  const started = performance.now();
  const sends: Promise<void>[] = [];
  for (let index = 0; index < total; index += 1) {
    const due = started + index * interval;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    const family = families[index % families.length]!;
    const sentAt = performance.now();
    const entry = {
      sentAt,
      expected: viewerCount.get(family.id) ?? 0,
      heardAt: [] as number[],
      answeredAt: undefined as number | undefined,
    };
    pending.set(`${family.actionId}:${family.version + 1}`, entry);
    sends.push(
      edit(family).then(
        () => {
          entry.answeredAt = performance.now();
          answers.push(entry.answeredAt - sentAt);
        },
        (error: unknown) => {
          failures += 1;
          if (failures <= 3) console.error('bench: an edit failed:', error);
        },
      ),
    );
  }
  await Promise.all(sends);
  await sleep(DELIVERY_TIMEOUT_MS);
  for (const stop of listeners) stop();
  const entries = [...pending.values()];
  const expected = entries.reduce((sum, entry) => sum + entry.expected, 0);
  // How long after the editor's own answer the others heard (negative: before it).
  const afterAnswer = entries.flatMap((entry) =>
    entry.answeredAt === undefined ? [] : entry.heardAt.map((at) => at - entry.answeredAt!),
  );
  return {
    edits: total,
    failures,
    expected,
    heard: latencies.length,
    latency: summary(latencies),
    answer: summary(answers),
    afterAnswer: summary(afterAnswer),
  };
}

interface Target {
  label: string;
  url: string;
  server: ChildProcess;
  withCookies: boolean;
  edit: Edit;
  /** Time the server's SQL statements during the measured edits (with BENCH_QUERY_LOG). */
  timesQueries?: boolean;
}

async function runScenario(target: Target, families: BenchFamily[]): Promise<ScenarioResult> {
  const pid = target.server.pid!;
  out(`\n${target.label}: connecting ${settings.clients} clients...`);
  const rssBefore = await settledRss(target.server);
  const connectStarted = performance.now();
  const viewers = await connectViewers(target.url, families, target.withCookies);
  const connectSeconds = (performance.now() - connectStarted) / 1000;
  // Let joins settle (the API tells each family who is looking) before memory is read.
  await sleep(3_000);
  const rssAfter = await settledRss(target.server);
  out(`  connected in ${connectSeconds.toFixed(1)} s; warming up ${settings.warmupSeconds} s...`);
  await measure(viewers, families, target.edit, settings.warmupSeconds);
  out(`  measuring ${settings.durationSeconds} s at ${settings.rate} edits/s...`);
  const queryLogDir = target.timesQueries ? settings.queryLogDir : undefined;
  if (queryLogDir) await collectQueryLog(target.server, queryLogDir, 'realtime-before');
  const before = cpuSnapshot();
  const measured = await measure(viewers, families, target.edit, settings.durationSeconds);
  const cpu = cpuShares(before, cpuSnapshot(), { server: [pid], loadGenerator: [process.pid], ours: [] });
  const queries = queryLogDir ? await collectQueryLog(target.server, queryLogDir, 'realtime-edits') : undefined;
  for (const viewer of viewers) viewer.socket.disconnect();
  await sleep(1_000);
  return {
    label: target.label,
    clients: viewers.length,
    connectSeconds,
    rssBefore,
    rssAfter,
    ...measured,
    cpu,
    queries: queries && {
      statementsPerEdit: queries.reduce((sum, tally) => sum + tally.count, 0) / measured.edits,
      msPerEdit: queries.reduce((sum, tally) => sum + tally.totalMs, 0) / measured.edits,
      lines: queryLogLines(
        `statements timed at the driver during the ${measured.edits} measured edits`,
        queries,
        measured.edits,
      ).join('\n'),
    },
  };
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const startedAt = new Date();
  const loadAtStart = os.loadavg()[0]!.toFixed(2);
  if (!/^postgres(ql)?:\/\/[^@/]*@?(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/.test(settings.postgresUrl))
    throw new Error(`BENCH_PG_URL must be a PostgreSQL server on this machine, got ${settings.postgresUrl}`);
  const databaseName = `yhdessa_bench_realtime_${process.pid}`;
  const admin = new Client({ connectionString: `${settings.postgresUrl}/postgres` });
  await admin.connect();
  await admin.query(`create database ${databaseName}`);
  await admin.end();
  atCleanUp(async () => {
    const dropper = new Client({ connectionString: `${settings.postgresUrl}/postgres` });
    await dropper.connect();
    await dropper.query(`drop database if exists ${databaseName} with (force)`);
    await dropper.end();
  });
  const databaseUrl = `${settings.postgresUrl}/${databaseName}`;

  const apiPort = await freePort();
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  if (settings.profileDir) fs.mkdirSync(settings.profileDir, { recursive: true });
  const api = startTypeScript('apps/api/src/server.ts', {
    label: 'api',
    cwd: repoRoot,
    nodeArgs: [...serverNodeArgs, ...(settings.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${settings.profileDir}`] : [])],
    imports: [...serverImports, ...(settings.queryLogDir ? [path.join(__dirname, 'query-timing.ts')] : [])],
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: String(apiPort),
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: 'warn',
      WEB_DIST: '/nonexistent',
      PUBLIC_URL: apiUrl,
    },
  });
  await waitForHealth(apiUrl, api, 'the API');

  out(`building ${settings.families} families with ${settings.clients} sessions...`);
  const database = await openDatabase({ url: databaseUrl, dataDir: '' });
  atCleanUp(() => database.close());
  const families = await buildRealtimeWorld(database.db, settings.families, settings.clients);

  const barePort = await freePort();
  const bare = startTypeScript(path.join(__dirname, 'bare-socket-server.ts'), {
    label: 'bare',
    cwd: repoRoot,
    nodeArgs: serverNodeArgs,
    imports: serverImports,
    env: { ...process.env, BENCH_BARE_PORT: String(barePort) },
  });
  await new Promise<void>((resolve, reject) => {
    bare.once('message', () => resolve());
    bare.once('exit', (code) => reject(new Error(`the bare server exited (${code})`)));
  });
  const bareUrl = `http://127.0.0.1:${barePort}`;

  // The baseline counts its own versions: the database's stay as they are for the full stack.
  const bareResult = await runScenario(
    {
      label: 'bare socket.io broadcast',
      url: bareUrl,
      server: bare,
      withCookies: false,
      edit: async (family) => {
        family.version += 1;
        const response = await fetch(`${bareUrl}/emit/${family.id}/${family.actionId}/${family.version}`, { method: 'POST' });
        if (response.status !== 204) throw new Error(`bare emit answered ${response.status}`);
      },
    },
    families.map((family) => ({ ...family })),
  );
  const fullResult = await runScenario(
    {
      label: 'full stack PATCH /api/families/:id/actions/:id',
      url: apiUrl,
      server: api,
      withCookies: true,
      timesQueries: true,
      edit: async (family) => {
        const response = await fetch(`${apiUrl}/api/families/${family.id}/actions/${family.actionId}`, {
          method: 'PATCH',
          headers: { cookie: family.editorCookie, 'content-type': 'application/json' },
          body: JSON.stringify({ status: family.version % 2 === 0 ? 'planned' : 'done', version: family.version }),
        });
        if (response.status !== 200)
          throw new Error(`PATCH answered ${response.status}: ${(await response.text()).slice(0, 200)}`);
        family.version = ((await response.json()) as { version: number }).version;
      },
    },
    families,
  );
  await cleanUp();

  const run: RealtimeRun = {
    profile: settings.profileDir ? summariseProfile(settings.profileDir, startedAt) : undefined,
    date: startedAt.toISOString(),
    code: execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim(),
    command: commandLine(),
    machine: `${os.type()} ${os.release()} (${os.arch()}); ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'CPU'}; Node ${process.version}; 1-minute load average ${loadAtStart} when the run began`,
    settings: { ...settings, deliveryTimeoutMs: DELIVERY_TIMEOUT_MS },
    bare: bareResult,
    full: fullResult,
  };
  out(consoleRealtimeReport(run));
  if (settings.writeDocs) {
    const file = path.join(repoRoot, 'docs/benchmarks.md');
    const options = (await prettier.resolveConfig(file)) ?? {};
    const text = withSection(fs.readFileSync(file, 'utf8'), REALTIME_HEADING, markdownRealtimeReport(run));
    fs.writeFileSync(file, await prettier.format(text, { ...options, filepath: file }));
    out(`\nwrote the ${REALTIME_HEADING} section of ${path.relative(repoRoot, file)}`);
  }
  if (fullResult.failures > 0 || fullResult.heard < fullResult.expected) process.exitCode = 1;
}

/**
 * Where the API spent its CPU while the full stack was measured: bench/profile-summary.ts over the
 * end of the API's profile (written when it stopped), from the measured edits on.
 */
function summariseProfile(dir: string, since: Date): string | undefined {
  const [latest] = fs
    .readdirSync(dir)
    // CPU.<date>.<time>.<pid>.<thread>.<n>.cpuprofile: the main thread's.
    .filter((name) => /\.\d+\.0\.\d+\.cpuprofile$/.test(name))
    .map((name) => path.join(dir, name))
    .filter((file) => fs.statSync(file).mtime >= since)
    .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs);
  if (!latest) return undefined;
  // The measured edits, the wait for late deliveries and the stop.
  const window = settings.durationSeconds + DELIVERY_TIMEOUT_MS / 1000 + 3;
  const summary = execFileSync(
    process.execPath,
    ['--import', 'tsx', path.join(__dirname, 'profile-summary.ts'), latest, '12', String(window)],
    {
      cwd: repoRoot,
      encoding: 'utf8',
    },
  );
  return summary.replace(latest, path.relative(repoRoot, latest));
}

/** The command as given, with the settings that were set in the environment. */
function commandLine(): string {
  const set = Object.keys(process.env)
    .filter((name) => name.startsWith('BENCH_'))
    .sort()
    .map((name) => `${name}=${process.env[name]}`);
  return [...set, 'pnpm bench:realtime'].join(' ');
}

main().catch(async (error: unknown) => {
  console.error(error);
  await cleanUp();
  process.exit(1);
});
