/**
 * `pnpm bench`: loads the plan read and the action update through the full stack (signed in,
 * access checked, audited) and a bare Express endpoint answering the same plan JSON, with
 * autocannon in a separate process; prints requests/s, p50/p97.5/p99 and the ratio full
 * stack / bare, and writes docs/benchmarks.md. Not part of the test suite.
 *
 * Env: BENCH_DURATION (seconds per scenario, default 10), BENCH_CONNECTIONS (default 10),
 * BENCH_WARMUP (seconds, default 5), BENCH_UPDATE_CONNECTIONS (default: the smaller of
 * BENCH_CONNECTIONS and the plan's action count), BENCH_POSTGRES=1 (also run against a fresh
 * database on the local PostgreSQL server), BENCH_PG_URL (that server, without a database
 * name; loopback only; default postgres://postgres@127.0.0.1:5432), BENCH_PROFILE=<dir> (write CPU profiles of the API
 * there; summarise them with bench/profile-summary.ts), BENCH_QUERY_LOG=<dir> (time every SQL
 * statement of the API per scenario, see bench/query-timing.ts), BENCH_DOCS=0 (do not write
 * docs/benchmarks.md), BENCH_ATTEMPTS (default 3: on a shared machine, a scenario during which
 * other processes used more than 10 % of the CPU is measured again, up to this many times, and
 * the least disturbed attempt is kept; every figure says how disturbed it was), BENCH_SOAK_MINUTES
 * (default 0: after the scenarios, load the API this many minutes, plan reads then action
 * updates, and record its resident memory after a full garbage collection every minute).
 */
import { execFileSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type pg from 'pg';
import * as prettier from 'prettier';
import { atCleanUp, cleanUp, hasExited, startTypeScript, stopChild, waitForHealth } from './children';
import { cpuShares, cpuSnapshot, DISTURBED_PERCENT } from './cpu-usage';
import { keepOtherSections } from './docs-section';
import { serverImports, serverNodeArgs, settledRss } from './memory';
import { collectQueryLog as collectQueryLogIn, queryLogLines } from './query-log';
import { actionsOfPlan, type LoadMessage, type LoadResult, type LoadSpec } from './protocol';
import { consoleReport, failedRequests, markdownReport, type ConfigurationRun, type SoakResult } from './report';
import { wholeNumberFromEnv } from './env-settings';

const repoRoot = path.resolve(__dirname, '..');
const requireFromApi = createRequire(path.join(repoRoot, 'apps/api/package.json'));
const HOST = '127.0.0.1';
const DEMO_COORDINATOR = { email: 'sari.koordinaattori@varkaus-demo.fi', password: 'Yhdessa-demo-2026' };
const FAMILY_NAME = 'Perhe Virtanen';
const SESSION_COOKIE = 'yhdessa_session';

const out = (text = '') => process.stdout.write(`${text}\n`);

const settings = {
  durationSeconds: Math.max(1, wholeNumberFromEnv('BENCH_DURATION', 10)),
  connections: Math.max(1, wholeNumberFromEnv('BENCH_CONNECTIONS', 10)),
  warmupSeconds: wholeNumberFromEnv('BENCH_WARMUP', 5),
  updateConnections: wholeNumberFromEnv('BENCH_UPDATE_CONNECTIONS', 0) || undefined,
  postgres: process.env.BENCH_POSTGRES === '1',
  postgresUrl: (process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432').replace(/\/+$/, ''),
  profileDir: process.env.BENCH_PROFILE ? path.resolve(process.env.BENCH_PROFILE) : undefined,
  queryLogDir: process.env.BENCH_QUERY_LOG ? path.resolve(process.env.BENCH_QUERY_LOG) : undefined,
  writeDocs: process.env.BENCH_DOCS !== '0',
  attempts: Math.max(1, wholeNumberFromEnv('BENCH_ATTEMPTS', 3)),
  soakMinutes: wholeNumberFromEnv('BENCH_SOAK_MINUTES', 0),
};

/** How long to wait for other processes to calm down before each attempt. */
const QUIET_WAIT_SECONDS = 60;

// ---------------------------------------------------------------------------------------------

/** Ends the run early (the time limit, a failure): children stopped and temporary data removed first. */
let aborting = false;
function abort(reason: string, code: number): void {
  if (aborting) return;
  aborting = true;
  console.error(`bench: ${reason}; stopping`);
  void cleanUp().finally(() => process.exit(code));
}

const usedPorts = new Set<number>();

/** A port in 3300-3399 that nothing listens on (checked on all interfaces: the API binds them all). */
async function freePort(): Promise<number> {
  for (let port = 3300; port <= 3399; port += 1) {
    if (usedPorts.has(port)) continue;
    const free = await new Promise<boolean>((resolve) => {
      const probe = net.createServer();
      probe.once('error', () => resolve(false));
      probe.listen(port, () => probe.close(() => resolve(true)));
    });
    if (free) {
      usedPorts.add(port);
      return port;
    }
  }
  throw new Error('no free port in 3300-3399');
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function request(url: string, init: RequestInit, expected = 200): Promise<{ response: Response; text: string }> {
  const response = await fetch(url, init);
  const text = await response.text();
  if (response.status !== expected)
    throw new Error(`${init.method ?? 'GET'} ${url} answered ${response.status}, expected ${expected}: ${text.slice(0, 300)}`);
  return { response, text };
}

// ---------------------------------------------------------------------------------------------

interface Configuration {
  /** For file names: `pglite`, `postgres`. */
  slug: string;
  label: string;
  database: string;
  env: NodeJS.ProcessEnv;
}

async function pglite(): Promise<Configuration> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yhdessa-bench-'));
  atCleanUp(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
  const pgliteVersion = (
    JSON.parse(fs.readFileSync(path.join(repoRoot, 'apps/api/node_modules/@electric-sql/pglite/package.json'), 'utf8')) as {
      version: string;
    }
  ).version;
  return {
    slug: 'pglite',
    label: 'PGlite (embedded, the default)',
    database: `PGlite ${pgliteVersion}, on disk in a fresh temporary directory`,
    env: { DATA_DIR: dataDir },
  };
}

async function postgres(): Promise<Configuration> {
  const server = new URL(settings.postgresUrl);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(server.hostname))
    throw new Error(`BENCH_PG_URL must point at this machine (loopback), not ${server.hostname}`);
  const { Client } = requireFromApi('pg') as typeof pg;
  const name = `yhdessa_bench_${process.pid}_${Date.now()}`;
  const admin = new Client({ connectionString: `${settings.postgresUrl}/postgres` });
  await admin.connect();
  let serverVersion: string;
  try {
    serverVersion = ((await admin.query<{ server_version: string }>('show server_version')).rows[0]?.server_version ?? '?').split(
      ' ',
    )[0]!;
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  atCleanUp(async () => {
    const dropper = new Client({ connectionString: `${settings.postgresUrl}/postgres` });
    await dropper.connect();
    try {
      await dropper.query(`drop database if exists ${name} with (force)`);
    } finally {
      await dropper.end();
    }
  });
  return {
    slug: 'postgres',
    label: 'PostgreSQL server',
    database: `PostgreSQL ${serverVersion} at ${server.host} (local, same machine), fresh database, pool of 10 connections`,
    env: { DATABASE_URL: `${settings.postgresUrl}/${name}` },
  };
}

/** API processes this run is stopping on purpose. */
const stoppingApi = new Set<ChildProcess>();

async function startApi(configuration: Configuration): Promise<{ origin: string; child: ChildProcess }> {
  const port = await freePort();
  const nodeArgs = [...serverNodeArgs, ...(settings.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${settings.profileDir}`] : [])];
  const child = startTypeScript('apps/api/src/server.ts', {
    label: 'api',
    cwd: repoRoot,
    nodeArgs,
    imports: [...serverImports, ...(settings.queryLogDir ? ['./bench/query-timing.ts'] : [])],
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'development',
      DEMO: '1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      WEB_DIST: '/nonexistent',
      ...(settings.queryLogDir ? { BENCH_QUERY_LOG: settings.queryLogDir } : {}),
      ...configuration.env,
    },
  });
  child.once('exit', (code, signal) => {
    if (!aborting && !stoppingApi.has(child))
      console.error(`bench: the API exited unexpectedly (code ${code}, signal ${signal})`);
  });
  const origin = `http://${HOST}:${port}`;
  await waitForHealth(origin, child, 'the API', 120_000);
  return { origin, child };
}

async function startBare(planFile: string): Promise<{ origin: string; child: ChildProcess }> {
  const port = await freePort();
  const child = startTypeScript('bench/bare-server.ts', {
    label: 'bare',
    cwd: repoRoot,
    env: { PATH: process.env.PATH, BENCH_PLAN_FILE: planFile, BENCH_BARE_PORT: String(port) },
  });
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`the bare server exited (code ${code}) before listening`)));
  });
  return { origin: `http://${HOST}:${port}`, child };
}

const timedDuring = (scenario: string, result: { servedInAllAttempts?: number }) =>
  `statements timed at the driver during "${scenario}" (${result.servedInAllAttempts ?? 0} requests, warm-ups and all attempts included)`;
const collectQueryLog = (child: ChildProcess, name: string) =>
  settings.queryLogDir ? collectQueryLogIn(child, settings.queryLogDir, name) : Promise.resolve(undefined);

/**
 * One scenario in a fresh load-generator process. `serverPid` is the process under load;
 * `ourPids` the run's other processes, so that CPU time nobody here used shows as "other".
 */
async function measureOnce(spec: LoadSpec, serverPid: number | undefined, ourPids: number[]): Promise<LoadResult> {
  const before = cpuSnapshot();
  const child = startTypeScript('bench/load.ts', { label: 'load', cwd: repoRoot, env: { PATH: process.env.PATH } });
  const answer = new Promise<LoadMessage>((resolve, reject) => {
    child.once('message', (message) => resolve(message as LoadMessage));
    child.once('exit', (code) => reject(new Error(`the load generator exited (code ${code}) without a result`)));
  });
  child.send(spec);
  const message = await answer;
  const after = cpuSnapshot();
  await stopChild(child, 5_000);
  if (message.kind === 'failed') throw new Error(`${spec.scenario}: ${message.message}`);
  const result: LoadResult = {
    ...message.result,
    cpu: cpuShares(before, after, {
      server: known([serverPid]),
      loadGenerator: known([child.pid]),
      ours: [...ourPids, process.pid, process.ppid],
    }),
  };
  out(
    `    ${result.requestsPerSecond} req/s, p50 ${result.latencyMs.p50} ms, p99 ${result.latencyMs.p99} ms, non-2xx ${result.non2xx}, errors ${result.errors + result.timeouts}`,
  );
  if (result.cpu)
    out(
      `    CPU (% of all ${result.cpu.cores} cores): server ${result.cpu.server}, load generator ${result.cpu.loadGenerator}, PostgreSQL ${result.cpu.database}, other processes ${result.cpu.other}`,
    );
  return result;
}

const known = (pids: (number | undefined)[]) => pids.filter((pid): pid is number => pid !== undefined);

/** Waits (bounded) until processes other than ours use less than the disturbance threshold. */
async function waitForQuiet(ourPids: number[]): Promise<void> {
  const deadline = Date.now() + QUIET_WAIT_SECONDS * 1000;
  for (;;) {
    const before = cpuSnapshot();
    await sleep(2_000);
    const shares = cpuShares(before, cpuSnapshot(), {
      server: [],
      loadGenerator: [],
      ours: [...ourPids, process.pid, process.ppid],
    });
    if (!shares || shares.other < DISTURBED_PERCENT) return;
    if (Date.now() > deadline) {
      out(`    the machine is busy (other processes ${shares.other} % of all cores); measuring anyway`);
      return;
    }
  }
}

/**
 * Measures a scenario; when other processes took more than the threshold of the machine, again
 * (up to BENCH_ATTEMPTS), keeping the least disturbed attempt. The choice is made on the
 * disturbance alone, never on the figures.
 */
async function runLoad(spec: LoadSpec, server: ChildProcess, others: ChildProcess[]): Promise<LoadResult> {
  out(`  ${spec.scenario}: ${spec.connections} connections, ${spec.warmupSeconds} s warm-up + ${spec.durationSeconds} s ...`);
  const ourPids = known([server.pid, ...others.map((child) => child.pid)]);
  let best: LoadResult | undefined;
  let served = 0;
  for (let attempt = 1; attempt <= settings.attempts; attempt += 1) {
    await waitForQuiet(ourPids);
    const result = { ...(await measureOnce(spec, server.pid, ourPids)), attempt };
    if (hasExited(server))
      throw new Error(
        `the server under test exited (${server.exitCode ?? server.signalCode}) during "${spec.scenario}"; was it stopped from outside?`,
      );
    served += result.totalResponses + result.warmupResponses;
    // Failed requests are a finding: report this attempt, never measure them away.
    if (failedRequests(result) > 0) {
      best = result;
      break;
    }
    if (!best || (result.cpu?.other ?? 0) < (best.cpu?.other ?? 0)) best = result;
    if ((result.cpu?.other ?? 0) <= DISTURBED_PERCENT) break;
    if (attempt < settings.attempts) out(`    disturbed by other processes; measuring again`);
  }
  return { ...best!, servedInAllAttempts: served };
}

async function benchConfiguration(configuration: Configuration): Promise<ConfigurationRun> {
  out(`\n${configuration.label}: ${configuration.database}`);
  out('  starting the API (DEMO=1) ...');
  const api = await startApi(configuration);

  const login = await request(`${api.origin}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(DEMO_COORDINATOR),
  });
  const sessionCookie = login.response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0]!)
    .find((cookie) => cookie.startsWith(`${SESSION_COOKIE}=`));
  if (!sessionCookie) throw new Error('the sign-in set no session cookie');
  const headers = { cookie: sessionCookie };

  const families = JSON.parse((await request(`${api.origin}/api/families`, { headers })).text) as {
    families: { id: string; name: string }[];
  };
  const family = families.families.find((candidate) => candidate.name === FAMILY_NAME);
  if (!family) throw new Error(`the demo coordinator does not see "${FAMILY_NAME}"`);
  const planPath = `/api/families/${family.id}/plan`;
  const planText = (await request(`${api.origin}${planPath}`, { headers })).text;
  const actions = actionsOfPlan(JSON.parse(planText));
  if (actions.length === 0) throw new Error(`"${FAMILY_NAME}" has no actions to update`);

  const planDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yhdessa-bench-plan-'));
  atCleanUp(async () => fs.rmSync(planDir, { recursive: true, force: true }));
  const planFile = path.join(planDir, 'plan.json');
  fs.writeFileSync(planFile, planText);
  const bare = await startBare(planFile);
  const bareText = (await request(`${bare.origin}/plan`, {})).text;
  if (bareText !== planText) throw new Error('the bare endpoint does not answer the same bytes as the API');

  const common = { headers, durationSeconds: settings.durationSeconds, warmupSeconds: settings.warmupSeconds };
  const bareResult = await runLoad(
    {
      ...common,
      scenario: 'bare GET /plan',
      origin: bare.origin,
      method: 'GET',
      path: '/plan',
      headers: {},
      connections: settings.connections,
    },
    bare.child,
    [api.child],
  );
  await stopChild(bare.child);
  await collectQueryLog(api.child, `${configuration.slug}-startup`);
  const planRead = await runLoad(
    {
      ...common,
      scenario: 'full stack GET plan',
      origin: api.origin,
      method: 'GET',
      path: planPath,
      connections: settings.connections,
    },
    api.child,
    [],
  );
  const planQueries = await collectQueryLog(api.child, `${configuration.slug}-plan-read`);
  if (planQueries)
    out(queryLogLines(timedDuring('plan read', planRead), planQueries, planRead.servedInAllAttempts ?? 0).join('\n'));
  const actionUpdate = await runLoad(
    {
      ...common,
      scenario: 'full stack PATCH action',
      origin: api.origin,
      method: 'PATCH',
      path: `/api/families/${family.id}/actions/${actions[0]!.id}`,
      connections: Math.min(settings.updateConnections ?? settings.connections, settings.connections, actions.length),
      actionUpdate: { pathPrefix: `/api/families/${family.id}/actions`, planPath },
    },
    api.child,
    [],
  );
  const updateQueries = await collectQueryLog(api.child, `${configuration.slug}-action-update`);
  if (updateQueries)
    out(
      queryLogLines(timedDuring('action update', actionUpdate), updateQueries, actionUpdate.servedInAllAttempts ?? 0).join('\n'),
    );

  const soak =
    settings.soakMinutes > 0 ? await steadyLoad(api.child, { ...common, origin: api.origin, family, planPath }) : undefined;

  out('  stopping the API ...');
  stoppingApi.add(api.child);
  await stopChild(api.child, 20_000);
  if (api.child.exitCode !== 0) out(`  note: the API exited with ${api.child.exitCode ?? api.child.signalCode}`);
  return {
    label: configuration.label,
    database: configuration.database,
    planBytes: Buffer.byteLength(planText),
    actionCount: actions.length,
    bare: bareResult,
    planRead,
    actionUpdate,
    soak,
  };
}

/** The API's resident memory in MiB after a full garbage collection: live memory, not when the collector last ran. */
const settledMiB = async (api: ChildProcess) => Math.round(((await settledRss(api)) / 2 ** 20) * 10) / 10;

/**
 * Memory under steady load: plan reads for half of BENCH_SOAK_MINUTES, then action updates for
 * the other half, at the run's connections, the API's resident memory after a full garbage
 * collection sampled every minute.
 */
async function steadyLoad(
  api: ChildProcess,
  load: { headers: Record<string, string>; origin: string; family: { id: string }; planPath: string },
): Promise<SoakResult> {
  const halfSeconds = settings.soakMinutes * 30;
  out(`  steady load: ${settings.soakMinutes} min (plan reads, then action updates), memory every minute ...`);
  const startedAt = Date.now();
  const samples = [{ minute: 0, rssMiB: await settledMiB(api) }];
  const sampler = setInterval(() => {
    const minute = Math.round((Date.now() - startedAt) / 60_000);
    void settledMiB(api).then((rssMiB) => samples.push({ minute, rssMiB }));
  }, 60_000);
  const actions = actionsOfPlan(JSON.parse((await request(`${load.origin}${load.planPath}`, { headers: load.headers })).text));
  const common = { headers: load.headers, origin: load.origin, durationSeconds: halfSeconds, warmupSeconds: 0 };
  try {
    const reads = await measureOnce(
      { ...common, scenario: 'steady plan reads', method: 'GET', path: load.planPath, connections: settings.connections },
      api.pid,
      [],
    );
    const updates = await measureOnce(
      {
        ...common,
        scenario: 'steady action updates',
        method: 'PATCH',
        path: `/api/families/${load.family.id}/actions/${actions[0]!.id}`,
        connections: Math.min(settings.connections, actions.length),
        actionUpdate: { pathPrefix: `/api/families/${load.family.id}/actions`, planPath: load.planPath },
      },
      api.pid,
      [],
    );
    clearInterval(sampler);
    samples.push({ minute: settings.soakMinutes, rssMiB: await settledMiB(api) });
    return { minutes: settings.soakMinutes, samples: samples.sort((a, b) => a.minute - b.minute), reads, updates };
  } finally {
    clearInterval(sampler);
  }
}

function commandLine(): string {
  const variables = Object.keys(process.env)
    .filter((name) => name.startsWith('BENCH_'))
    .sort()
    .map((name) => `${name}=${process.env[name]}`);
  const invocation = process.env.npm_lifecycle_event === 'bench' ? 'pnpm bench' : 'npx tsx bench/run.ts';
  return [...variables, invocation].join(' ');
}

/** The commit measured, and whether uncommitted changes were part of it. */
function codeRevision(): string {
  try {
    const git = (args: string[]) => execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8' }).trim();
    const commit = git(['rev-parse', '--short', 'HEAD']);
    const dirty = git(['status', '--porcelain', '--', 'apps', 'packages']).length > 0;
    return `commit ${commit}${dirty ? ' plus uncommitted changes in apps/ and packages/' : ''}`;
  } catch {
    return 'unknown (no git)';
  }
}

function machine(): string[] {
  const cpus = os.cpus();
  return [
    `${os.type()} ${os.release()} (${os.arch()})`,
    `${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}`,
    `${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB memory`,
    `Node ${process.version}`,
  ];
}

async function main(): Promise<void> {
  const perAttempt = QUIET_WAIT_SECONDS + 2 * (settings.warmupSeconds + settings.durationSeconds) + 20;
  const configurations = settings.postgres ? 2 : 1;
  const limitSeconds = configurations * (180 + 3 * settings.attempts * perAttempt + settings.soakMinutes * 60);
  setTimeout(() => abort(`time limit of ${limitSeconds} s reached`, 1), limitSeconds * 1000).unref();
  if (settings.profileDir) fs.mkdirSync(settings.profileDir, { recursive: true });
  const startedAt = new Date().toISOString();
  const code = codeRevision();
  // Other work on the machine skews every figure; say how busy it was when the run began.
  const loadAtStart = os.loadavg()[0]!.toFixed(2);

  const runs: ConfigurationRun[] = [];
  runs.push(await benchConfiguration(await pglite()));
  if (settings.postgres) runs.push(await benchConfiguration(await postgres()));
  await cleanUp();

  const info = {
    date: startedAt,
    code,
    command: commandLine(),
    machine: [...machine(), `1-minute load average ${loadAtStart} when the run began`],
    settings: `${settings.durationSeconds} s measured per scenario after ${settings.warmupSeconds} s warm-up; ${settings.connections} connections (action update: one per action, at most that many)`,
    configurations: runs,
  };
  out(consoleReport(info));
  if (settings.writeDocs) {
    const file = path.join(repoRoot, 'docs/benchmarks.md');
    // Formatted as the repository formats Markdown, so `prettier --check .` stays green.
    const options = (await prettier.resolveConfig(file)) ?? {};
    // The other benchmarks' sections (realtime, scale, web, start time) stay as their scripts last wrote them.
    const text = keepOtherSections(markdownReport(info), fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '');
    fs.writeFileSync(file, await prettier.format(text, { ...options, filepath: file }));
    out(`\nwrote ${path.relative(repoRoot, file)}`);
  }
  const failed = runs.flatMap((run) => [run.bare, run.planRead, run.actionUpdate]).filter((result) => failedRequests(result) > 0);
  if (failed.length > 0) {
    console.error(`bench: failed requests in ${failed.map((result) => result.scenario).join(', ')}; see the table`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  if (aborting) return; // the run was stopped; the failure is a consequence of stopping it
  console.error(error);
  abort('failed', 1);
});
