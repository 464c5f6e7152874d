/**
 * `pnpm bench:start`: how long the API takes from process start to answering `GET /api/health`,
 * run from the sources through tsx (`node --import tsx src/server.ts`, as `pnpm dev` and the
 * browser tests run it) and compiled (`node --enable-source-maps dist/server.js`, as `pnpm start`,
 * `pnpm start:prod` and the container run it), on databases that exist already:
 * - the embedded database (PGlite) holding the demo world, with DEMO=1, as `pnpm start` opens it;
 * - a migrated database of the PostgreSQL server with NODE_ENV=production, as an instance behind
 *   the load balancer opens it.
 * Each database is prepared by one start that is not counted (it migrates, and seeds the demo);
 * each mode then starts once more uncounted (tsx fills its cache, the OS its file cache), then
 * BENCH_START_RUNS times (default 5) per mode, the modes in turn. Also times the compilation
 * (apps/api/build.ts). Prints every start and writes the "Start time" section of
 * docs/benchmarks.md. Not part of the test suite.
 *
 * Env: BENCH_START_RUNS (5), BENCH_START_PORT (the API's port; default a free one),
 * BENCH_PG_URL (the PostgreSQL server, without a database name; loopback only; default
 * postgres://postgres@127.0.0.1:5432), BENCH_START_DATABASE (the database created and dropped
 * there; default yhdessa_bench_start_<pid>), BENCH_DOCS=0 (do not write docs/benchmarks.md).
 */
import { execFileSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type pg from 'pg';
import * as prettier from 'prettier';
import { buildApi } from '../apps/api/build';
import {
  atCleanUp,
  cleanUp,
  freePort,
  startJavaScript,
  startTypeScript,
  stopChild,
  waitForHealth,
  type StartOptions,
} from './children';
import { START_TIME_HEADING, withSection } from './docs-section';
import { wholeNumberFromEnv } from './env-settings';

const repoRoot = path.resolve(__dirname, '..');
const apiRoot = path.join(repoRoot, 'apps/api');
const { Client } = createRequire(path.join(apiRoot, 'package.json'))('pg') as typeof pg;

const settings = {
  runs: wholeNumberFromEnv('BENCH_START_RUNS', 5),
  port: process.env.BENCH_START_PORT ? wholeNumberFromEnv('BENCH_START_PORT', 0) : undefined,
  postgresUrl: (process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432').replace(/\/+$/, ''),
  databaseName: process.env.BENCH_START_DATABASE ?? `yhdessa_bench_start_${process.pid}`,
  writeDocs: process.env.BENCH_DOCS !== '0',
};

const modes = {
  tsx: {
    command: 'node --import tsx src/server.ts',
    start: (options: StartOptions) => startTypeScript('src/server.ts', options),
  },
  compiled: {
    command: 'node --enable-source-maps dist/server.js',
    start: (options: StartOptions) => startJavaScript('dist/server.js', { ...options, nodeArgs: ['--enable-source-maps'] }),
  },
} as const;
type Mode = keyof typeof modes;

interface Scenario {
  name: string;
  env: NodeJS.ProcessEnv;
}

interface Start {
  ms: number;
  /** Resident memory when health first answered. */
  rssMiB?: number;
}

const out = (text = '') => process.stdout.write(`${text}\n`);

function residentMiB(child: ChildProcess): number | undefined {
  try {
    const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const kib = /^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1];
    return kib ? Number(kib) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** One start: from just before the process is spawned to the first 200 of /api/health; then SIGTERM. */
async function timeStart(mode: Mode, scenario: Scenario, port: number): Promise<Start> {
  const started = performance.now();
  const child = modes[mode].start({
    label: `${scenario.name} ${mode}`,
    cwd: apiRoot,
    env: { ...scenario.env, PORT: String(port) },
  });
  await waitForHealth(`http://127.0.0.1:${port}`, child, `${scenario.name} ${mode}`, 300_000, 10);
  const ms = performance.now() - started;
  const rssMiB = residentMiB(child);
  await stopChild(child);
  return { ms, rssMiB };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

interface ScenarioResult {
  scenario: string;
  starts: Record<Mode, Start[]>;
}

async function measure(scenario: Scenario, port: number): Promise<ScenarioResult> {
  out(`\n${scenario.name}: preparing the database (not counted)`);
  await timeStart('compiled', scenario, port);
  for (const mode of Object.keys(modes) as Mode[]) await timeStart(mode, scenario, port);
  const starts: Record<Mode, Start[]> = { tsx: [], compiled: [] };
  for (let run = 1; run <= settings.runs; run += 1) {
    for (const mode of Object.keys(modes) as Mode[]) {
      const start = await timeStart(mode, scenario, port);
      starts[mode].push(start);
      out(`  ${scenario.name}, ${mode}, run ${run}: ${Math.round(start.ms)} ms, RSS ${start.rssMiB?.toFixed(0) ?? '?'} MiB`);
    }
  }
  return { scenario: scenario.name, starts };
}

function markdown(
  info: { date: string; code: string; command: string; machine: string; buildMs: number },
  results: ScenarioResult[],
) {
  const rows = results.flatMap((result) =>
    (Object.keys(modes) as Mode[]).map((mode) => {
      const times = result.starts[mode].map((start) => start.ms);
      const rss = result.starts[mode].map((start) => start.rssMiB).filter((value) => value !== undefined);
      return `| ${result.scenario} | ${mode}: \`${modes[mode].command}\` | ${(median(times) / 1000).toFixed(2)} s | ${(Math.min(...times) / 1000).toFixed(2)}–${(Math.max(...times) / 1000).toFixed(2)} s | ${rss.length ? `${median(rss).toFixed(0)} MiB` : '—'} |`;
    }),
  );
  const ratios = results.map((result) => {
    const tsx = median(result.starts.tsx.map((start) => start.ms));
    const compiled = median(result.starts.compiled.map((start) => start.ms));
    return `${result.scenario}: compiled ${((1 - compiled / tsx) * 100).toFixed(0)} % faster (${((tsx - compiled) / 1000).toFixed(2)} s less)`;
  });
  return `## ${START_TIME_HEADING}

Generated by \`bench/start-time.ts\` (\`pnpm bench:start\`); every figure below was measured in the
run described here. The time from spawning the API process to its first 200 from \`GET /api/health\`
(polled every 10 ms), on a database that exists already, from the sources through tsx (as
\`pnpm dev\` and the browser tests run it) and compiled (\`apps/api/dist/\`, as \`pnpm start\`,
\`pnpm start:prod\` and the container run it). Each database is prepared by a start that is not
counted (it migrates, and seeds the demo world), and each mode starts once uncounted before the
${settings.runs} counted starts per mode, the modes in turn. RSS is the process's resident memory when
health first answered.

- Date: ${info.date}
- Code: commit ${info.code}
- Command: \`${info.command}\` (from the repository root)
- Machine: ${info.machine}
- Compiling the API (\`apps/api/build.ts\`: esbuild, four bundles with source maps) took ${(info.buildMs / 1000).toFixed(2)} s in this run.

| database | mode | median | min–max | RSS (median) |
| --- | --- | --- | --- | --- |
${rows.join('\n')}

${ratios.map((line) => `- ${line}`).join('\n')}
`;
}

function commandLine(): string {
  const set = Object.keys(process.env)
    .filter((name) => name.startsWith('BENCH_'))
    .sort()
    .map((name) => `${name}=${process.env[name]}`);
  return [...set, 'pnpm bench:start'].join(' ');
}

async function main(): Promise<void> {
  const startedAt = new Date();
  const loadAtStart = os.loadavg()[0]!.toFixed(2);
  if (!/^postgres(ql)?:\/\/[^@/]*@?(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/.test(settings.postgresUrl))
    throw new Error(`BENCH_PG_URL must be a PostgreSQL server on this machine, got ${settings.postgresUrl}`);
  if (!/^[a-z_][a-z0-9_]*$/.test(settings.databaseName))
    throw new Error(`BENCH_START_DATABASE must be a plain lower-case name, got ${settings.databaseName}`);

  const buildStarted = performance.now();
  await buildApi();
  const buildMs = performance.now() - buildStarted;
  out(`compiled the API in ${Math.round(buildMs)} ms`);

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yhdessa-bench-start-'));
  atCleanUp(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
  const admin = async (statement: string) => {
    const client = new Client({ connectionString: `${settings.postgresUrl}/postgres` });
    await client.connect();
    await client.query(statement);
    await client.end();
  };
  await admin(`create database ${settings.databaseName}`);
  atCleanUp(() => admin(`drop database if exists ${settings.databaseName} with (force)`));

  const quiet = { ...process.env, LOG_LEVEL: 'warn', WEB_DIST: path.join(repoRoot, 'apps/web/dist') };
  const scenarios: Scenario[] = [
    { name: 'PGlite, demo world (DEMO=1)', env: { ...quiet, NODE_ENV: 'development', DEMO: '1', DATA_DIR: dataDir } },
    {
      name: 'PostgreSQL server, NODE_ENV=production',
      env: {
        ...quiet,
        NODE_ENV: 'production',
        DEMO: '0',
        DATABASE_URL: `${settings.postgresUrl}/${settings.databaseName}`,
        // Required in production; nothing is sent while the server starts on an empty database.
        SMTP_URL: 'smtp://127.0.0.1:25',
      },
    },
  ];
  const port = settings.port || (await freePort());
  const results: ScenarioResult[] = [];
  for (const scenario of scenarios) results.push(await measure(scenario, port));
  await cleanUp();

  const info = {
    date: startedAt.toISOString(),
    code: execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim(),
    command: commandLine(),
    machine: `${os.type()} ${os.release()} (${os.arch()}); ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'CPU'}; ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB memory; Node ${process.version}; 1-minute load average ${loadAtStart} when the run began`,
    buildMs,
  };
  const section = markdown(info, results);
  out(`\n${section}`);
  if (settings.writeDocs) {
    const file = path.join(repoRoot, 'docs/benchmarks.md');
    const options = (await prettier.resolveConfig(file)) ?? {};
    const text = withSection(fs.readFileSync(file, 'utf8'), START_TIME_HEADING, section);
    fs.writeFileSync(file, await prettier.format(text, { ...options, filepath: file }));
    out(`wrote the ${START_TIME_HEADING} section of ${path.relative(repoRoot, file)}`);
  }
}

if (require.main === module) {
  main().catch(async (error: unknown) => {
    console.error(error);
    await cleanUp();
    process.exit(1);
  });
}
