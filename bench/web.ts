/**
 * `pnpm bench:web`: the web client on a phone, as Lighthouse's mobile profile sees it (a mid-range
 * phone on a slow 4G line, simulated from an unthrottled load). Builds the product (`pnpm build`),
 * starts the compiled API (`node apps/api/dist/server.js`, DEMO=1, an empty DATA_DIR of its own) and
 * runs Lighthouse BENCH_WEB_RUNS times (default 3) on three pages: the sign-in page, the family's
 * home (`/`, signed in as a guardian of the demo family) and the coordinator's plan of that family
 * (`/families/:familyId`). The session cookie of a sign-in through the API rides on every request
 * of the page (Lighthouse's extraHeaders), so Lighthouse may reset the browser's storage and cache
 * before each load as it does by default.
 *
 * Each page is also loaded BENCH_WEB_IDENTITY_RUNS times (default 1; 0: never) as by a browser that
 * accepts no compression (`Accept-Encoding: identity`), in the same run and in turn, so the effect
 * of the API's compression is a ratio of figures measured together. Prints every load and writes the "The web on a phone" section of
 * docs/benchmarks.md. Not part of the test suite.
 *
 * Lighthouse sometimes gives up on a load (NO_NAVSTART: its trace shows no navigation beginning): such a
 * load is made again, at most BENCH_WEB_RETRIES times (default 2), and the report says how often.
 *
 * Env: BENCH_WEB_RUNS (3), BENCH_WEB_RETRIES (2), BENCH_WEB_PORT (the API's port; default a free one), BENCH_WEB_BUILD=0
 * (use the build there is), BENCH_WEB_IDENTITY_RUNS (1),
 * BENCH_WEB_REPORTS (a folder for every Lighthouse report as JSON), CHROME_PATH (/usr/bin/chromium),
 * BENCH_DOCS=0 (do not write docs/benchmarks.md).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Flags, Result } from 'lighthouse';
import * as prettier from 'prettier';
import { atCleanUp, cleanUp, freePort, startJavaScript, waitForHealth } from './children';
import { withSection } from './docs-section';
import { wholeNumberFromEnv } from './env-settings';
import { initialScripts } from './web-bundle';
import { WEB_HEADING, markdownWebReport, type Load, type PageRun, type WebRun } from './web-report';

const repoRoot = path.resolve(__dirname, '..');
const webDist = path.join(repoRoot, 'apps/web/dist');
const DEMO_PASSWORD = 'Yhdessa-demo-2026';
const GUARDIAN = 'anna.virtanen@example.fi';
const COORDINATOR = 'sari.koordinaattori@varkaus-demo.fi';
const FAMILY_NAME = 'Perhe Virtanen';
const SESSION_COOKIE = 'yhdessa_session';

const settings = {
  runs: Math.max(1, wholeNumberFromEnv('BENCH_WEB_RUNS', 3)),
  port: process.env.BENCH_WEB_PORT ? wholeNumberFromEnv('BENCH_WEB_PORT', 0) : undefined,
  build: process.env.BENCH_WEB_BUILD !== '0',
  identityRuns: wholeNumberFromEnv('BENCH_WEB_IDENTITY_RUNS', 1),
  retries: wholeNumberFromEnv('BENCH_WEB_RETRIES', 2),
  reportsDir: process.env.BENCH_WEB_REPORTS,
  chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  writeDocs: process.env.BENCH_DOCS !== '0',
};

const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

const out = (text = '') => process.stdout.write(`${text}\n`);

/** `pnpm build` with the pnpm that runs this script (npm_execpath), or the one on PATH. */
function buildProduct(): void {
  const pnpm = process.env.npm_execpath;
  const [command, args] = pnpm ? [process.execPath, [pnpm, 'build']] : ['pnpm', ['build']];
  execFileSync(command, args, { cwd: repoRoot, stdio: ['ignore', process.stderr, process.stderr] });
}

/** Signs in through the API, as the sign-in page does (same-origin POST), and returns the session cookie. */
async function sessionCookie(origin: string, email: string): Promise<string> {
  const response = await fetch(`${origin}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`sign-in of ${email} answered ${response.status}`);
  const body = (await response.json()) as { secondFactor?: string };
  if (body.secondFactor === 'required') throw new Error(`${email} needs a second factor: is DEMO=1 on?`);
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0]!)
    .find((pair) => pair.startsWith(`${SESSION_COOKIE}=`));
  if (!cookie) throw new Error(`the sign-in of ${email} set no session cookie`);
  return cookie;
}

async function familyAddress(origin: string, cookie: string): Promise<string> {
  const response = await fetch(`${origin}/api/families`, { headers: { cookie } });
  const { families } = (await response.json()) as { families: { id: string; name: string }[] };
  const family = families.find((candidate) => candidate.name === FAMILY_NAME);
  if (!family) throw new Error(`the coordinator does not see ${FAMILY_NAME}`);
  return `/families/${family.id}`;
}

interface Page {
  name: string;
  address: string;
  cookie?: string;
}

/**
 * The JavaScript the load fetched: bytes on the wire, and gzipped from the build (the same whatever
 * the wire's encoding); and of it, what the page asked for before its largest content was painted
 * (the observed LCP), i.e. without what it fetches later while idle (the plan's sections).
 */
function scriptsOf(lhr: Result, origin: string) {
  const details = lhr.audits['network-requests']?.details as
    | {
        items: { url: string; resourceType?: string; transferSize?: number; resourceSize?: number; rendererStartTime?: number }[];
      }
    | undefined;
  const scripts = (details?.items ?? []).filter((item) => item.resourceType === 'Script');
  const metrics = (lhr.audits.metrics?.details as { items?: { observedLargestContentfulPaint?: number }[] } | undefined)
    ?.items?.[0];
  const lcp = metrics?.observedLargestContentfulPaint ?? Number.POSITIVE_INFINITY;
  let gzipBytes = 0;
  let firstScreenGzipBytes = 0;
  let firstScreenCount = 0;
  for (const script of scripts) {
    const url = new URL(script.url);
    if (url.origin !== origin) throw new Error(`a script from elsewhere: ${url.origin}`);
    const file = path.join(webDist, url.pathname);
    const gzip = fs.existsSync(file) ? initialGzip(file) : (script.transferSize ?? 0);
    gzipBytes += gzip;
    // Both times count from the page's own request (Lighthouse's observed trace).
    if ((script.rendererStartTime ?? 0) < lcp) {
      firstScreenGzipBytes += gzip;
      firstScreenCount += 1;
    }
  }
  return {
    count: scripts.length,
    transferBytes: scripts.reduce((sum, script) => sum + (script.transferSize ?? 0), 0),
    resourceBytes: scripts.reduce((sum, script) => sum + (script.resourceSize ?? 0), 0),
    gzipBytes,
    firstScreenCount,
    firstScreenGzipBytes,
  };
}

const gzipCache = new Map<string, number>();
function initialGzip(file: string): number {
  if (!gzipCache.has(file)) gzipCache.set(file, zlib.gzipSync(fs.readFileSync(file)).length);
  return gzipCache.get(file)!;
}

/** The accessibility audits that did not pass, with the elements at fault. */
function accessibilityFailures(lhr: Result): Load['accessibilityFailures'] {
  const refs = lhr.categories.accessibility?.auditRefs ?? [];
  return refs
    .map((ref) => lhr.audits[ref.id]!)
    .filter((audit) => audit.score !== null && audit.score < 1)
    .map((audit) => {
      const items = ((audit.details as { items?: { node?: { snippet?: string; selector?: string } }[] } | undefined)?.items ?? [])
        .map((item) => item.node?.snippet ?? item.node?.selector)
        .filter((node): node is string => typeof node === 'string');
      return { id: audit.id, title: audit.title, nodes: items.slice(0, 5) };
    });
}

/** Lighthouse saw no navigation begin in its trace: a fault of the tooling, not of the page. */
class NoNavigationStart extends Error {}

/** A load, made again when Lighthouse gave up on it (at most `settings.retries` times). */
async function lighthouseLoadRetried(origin: string, page: Page, compressed: boolean, run: number): Promise<Load> {
  for (let retries = 0; ; retries += 1) {
    try {
      return { ...(await lighthouseLoad(origin, page, compressed, run)), retries };
    } catch (error) {
      if (!(error instanceof NoNavigationStart) || retries >= settings.retries) throw error;
      out(`run ${run}, ${page.name}: ${error.message}; loading it again`);
    }
  }
}

async function lighthouseLoad(origin: string, page: Page, compressed: boolean, run: number): Promise<Omit<Load, 'retries'>> {
  const { default: lighthouse } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  const chrome = await chromeLauncher.launch({ chromePath: settings.chromePath, chromeFlags: CHROME_FLAGS, logLevel: 'error' });
  browsers.add(chrome);
  try {
    const extraHeaders: Record<string, string> = {};
    if (page.cookie) extraHeaders.Cookie = page.cookie;
    if (!compressed) extraHeaders['Accept-Encoding'] = 'identity';
    const flags: Flags = {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility'],
      extraHeaders,
    };
    const result = await lighthouse(`${origin}${page.address}`, flags);
    if (!result) throw new Error(`Lighthouse gave no result for ${page.name}`);
    const { lhr } = result;
    if (lhr.runtimeError) {
      const message = `Lighthouse on ${page.name}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`;
      throw lhr.runtimeError.code === 'NO_NAVSTART' ? new NoNavigationStart(message) : new Error(message);
    }
    if (settings.reportsDir) {
      const name = `${page.name.replace(/\W+/g, '-')}-${compressed ? 'compressed' : 'identity'}-${run}.json`;
      fs.writeFileSync(path.join(settings.reportsDir, name), JSON.stringify(lhr));
    }
    const metric = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
    return {
      finalUrl: new URL(lhr.finalDisplayedUrl).pathname.replace(/[0-9a-f-]{36}/g, ':id'),
      performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
      accessibility: Math.round((lhr.categories.accessibility?.score ?? 0) * 100),
      lcpMs: metric('largest-contentful-paint'),
      fcpMs: metric('first-contentful-paint'),
      tbtMs: metric('total-blocking-time'),
      cls: metric('cumulative-layout-shift'),
      scripts: scriptsOf(lhr, origin),
      accessibilityFailures: accessibilityFailures(lhr),
    };
  } finally {
    chrome.kill();
    browsers.delete(chrome);
  }
}

function commandLine(): string {
  const set = Object.keys(process.env)
    .filter((name) => name.startsWith('BENCH_'))
    .sort()
    .map((name) => `${name}=${process.env[name]}`);
  return [...set, 'pnpm bench:web'].join(' ');
}

const browsers = new Set<{ kill(): void }>();
atCleanUp(async () => {
  for (const browser of browsers) browser.kill();
});

async function main(): Promise<void> {
  const startedAt = new Date();
  const loadAtStart = os.loadavg()[0]!.toFixed(2);
  if (settings.reportsDir) fs.mkdirSync(settings.reportsDir, { recursive: true });
  if (settings.build) {
    out('building the product (pnpm build) ...');
    buildProduct();
  }
  const initial = initialScripts(webDist);

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yhdessa-bench-web-'));
  try {
    const port = settings.port || (await freePort());
    const origin = `http://127.0.0.1:${port}`;
    const api = startJavaScript('dist/server.js', {
      label: 'api',
      cwd: path.join(repoRoot, 'apps/api'),
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        NODE_ENV: 'development',
        DEMO: '1',
        DATA_DIR: dataDir,
        PORT: String(port),
        PUBLIC_URL: origin,
        LOG_LEVEL: 'warn',
        WEB_DIST: webDist,
        LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
      },
    });
    await waitForHealth(origin, api, 'the API', 300_000);

    const guardian = await sessionCookie(origin, GUARDIAN);
    const coordinator = await sessionCookie(origin, COORDINATOR);
    const pages: Page[] = [
      { name: 'Sign-in page', address: '/sign-in' },
      { name: "The family's home", address: '/', cookie: guardian },
      { name: "The coordinator's plan of a family", address: await familyAddress(origin, coordinator), cookie: coordinator },
    ];
    const runs: PageRun[] = pages.map((page) => ({
      name: page.name,
      address: page.address.replace(/[0-9a-f-]{36}/g, ':familyId'),
      compressed: [],
      identity: [],
    }));
    for (let run = 1; run <= settings.runs; run += 1) {
      for (const [index, page] of pages.entries()) {
        for (const compressed of run <= settings.identityRuns ? [true, false] : [true]) {
          const load = await lighthouseLoadRetried(origin, page, compressed, run);
          runs[index]![compressed ? 'compressed' : 'identity'].push(load);
          out(
            `run ${run}, ${page.name}${compressed ? '' : ' (no compression)'}: performance ${load.performance}, accessibility ${load.accessibility}, ` +
              `LCP ${Math.round(load.lcpMs)} ms, FCP ${Math.round(load.fcpMs)} ms, TBT ${Math.round(load.tbtMs)} ms, CLS ${load.cls.toFixed(3)}, ` +
              `JS ${load.scripts.count} files ${(load.scripts.transferBytes / 1000).toFixed(1)} kB on the wire (${(load.scripts.gzipBytes / 1000).toFixed(1)} kB gzipped, ${(load.scripts.firstScreenGzipBytes / 1000).toFixed(1)} kB of ${load.scripts.firstScreenCount} files before LCP) → ${load.finalUrl}`,
          );
        }
      }
    }
    await cleanUp();

    const report: WebRun = {
      date: startedAt.toISOString(),
      code: execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim(),
      command: commandLine(),
      machine: `${os.type()} ${os.release()} (${os.arch()}); ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'CPU'}; ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB memory; Node ${process.version}; 1-minute load average ${loadAtStart} when the run began, ${os.loadavg()[0]!.toFixed(2)} when it ended`,
      chrome: execFileSync(settings.chromePath, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(),
      lighthouse: (JSON.parse(fs.readFileSync(require.resolve('lighthouse/package.json'), 'utf8')) as { version: string })
        .version,
      runs: settings.runs,
      maxRetries: settings.retries,
      initial,
      pages: runs,
    };
    const section = markdownWebReport(report);
    out(`\n${section}`);
    if (settings.writeDocs) {
      const file = path.join(repoRoot, 'docs/benchmarks.md');
      const options = (await prettier.resolveConfig(file)) ?? {};
      const text = withSection(fs.readFileSync(file, 'utf8'), WEB_HEADING, section);
      fs.writeFileSync(file, await prettier.format(text, { ...options, filepath: file }));
      out(`wrote the ${WEB_HEADING} section of ${path.relative(repoRoot, file)}`);
    }
  } finally {
    await cleanUp();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch(async (error: unknown) => {
  console.error(error);
  await cleanUp();
  process.exit(1);
});
