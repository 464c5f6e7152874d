/** The "The web on a phone" section of docs/benchmarks.md, written by bench/web.ts. */
import type { InitialScript } from './web-bundle';

export const WEB_HEADING = 'The web on a phone';

/** Targets of issue #13; the JavaScript one holds for the sign-in page and the family's home. */
const TARGETS = { performance: 90, accessibility: 100, initialJsGzipKb: 250 };

export interface Load {
  /** Where the page ended (a client route may move on), ids hidden. */
  finalUrl: string;
  performance: number;
  accessibility: number;
  lcpMs: number;
  fcpMs: number;
  tbtMs: number;
  cls: number;
  scripts: {
    count: number;
    transferBytes: number;
    resourceBytes: number;
    gzipBytes: number;
    /** The scripts the page asked for before its largest content was painted (observed LCP). */
    firstScreenCount: number;
    firstScreenGzipBytes: number;
  };
  accessibilityFailures: { id: string; title: string; nodes: string[] }[];
  /** Loads of this page Lighthouse gave up on before this one (NO_NAVSTART: it saw no navigation begin) and that were made again. */
  retries: number;
}

export interface PageRun {
  name: string;
  address: string;
  compressed: Load[];
  /** Loaded as by a browser that accepts no compression (BENCH_WEB_IDENTITY_RUNS times). */
  identity: Load[];
}

export interface WebRun {
  date: string;
  code: string;
  command: string;
  machine: string;
  chrome: string;
  lighthouse: string;
  runs: number;
  /** How many times a load Lighthouse gave up on (NO_NAVSTART) is made again before the run fails. */
  maxRetries: number;
  initial: InitialScript[];
  pages: PageRun[];
}

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

const times = (count: number) => (count === 1 ? 'once' : `${count} times`);
const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const ms = (value: number) => `${Math.round(value).toLocaleString('en')} ms`;
const of = (loads: Load[], pick: (load: Load) => number) => median(loads.map(pick));

function row(name: string, address: string, loads: Load[]): string {
  const scores = (pick: (load: Load) => number) => `${of(loads, pick)} (${loads.map(pick).join(', ')})`;
  return [
    name,
    `\`${address}\``,
    scores((load) => load.performance),
    scores((load) => load.accessibility),
    ms(of(loads, (load) => load.lcpMs)),
    ms(of(loads, (load) => load.fcpMs)),
    ms(of(loads, (load) => load.tbtMs)),
    of(loads, (load) => load.cls).toFixed(3),
    `${of(loads, (load) => load.scripts.count)} files, ${kB(of(loads, (load) => load.scripts.transferBytes))}`,
    kB(of(loads, (load) => load.scripts.gzipBytes)),
    `${kB(of(loads, (load) => load.scripts.firstScreenGzipBytes))} (${of(loads, (load) => load.scripts.firstScreenCount)} files)`,
  ].join(' | ');
}

function verdicts(run: WebRun): string[] {
  return run.pages.map((page, index) => {
    const performance = of(page.compressed, (load) => load.performance);
    const accessibility = of(page.compressed, (load) => load.accessibility);
    const js = of(page.compressed, (load) => load.scripts.firstScreenGzipBytes) / 1000;
    const parts = [
      `performance ${performance} ${performance >= TARGETS.performance ? '≥' : '<'} ${TARGETS.performance}`,
      `accessibility ${accessibility} ${accessibility >= TARGETS.accessibility ? '=' : '<'} ${TARGETS.accessibility}`,
    ];
    // The coordinator's plan is the heaviest screen; the JavaScript target is for the first two.
    if (index < 2)
      parts.push(
        `initial JavaScript ${js.toFixed(1)} kB gzipped ${js <= TARGETS.initialJsGzipKb ? '≤' : '>'} ${TARGETS.initialJsGzipKb} kB`,
      );
    const met =
      performance >= TARGETS.performance &&
      accessibility >= TARGETS.accessibility &&
      (index >= 2 || js <= TARGETS.initialJsGzipKb);
    return `${page.name}: ${parts.join(', ')}: ${met ? 'target met' : 'target missed'}.`;
  });
}

function accessibilityFindings(run: WebRun): string[] {
  return run.pages.flatMap((page) => {
    const seen = new Map<string, Load['accessibilityFailures'][number]>();
    for (const load of page.compressed) for (const failure of load.accessibilityFailures) seen.set(failure.id, failure);
    return [...seen.values()].map(
      (failure) =>
        `${page.name}: \`${failure.id}\` (${failure.title})${failure.nodes.length ? `: ${failure.nodes.map((node) => `\`${node.replace(/`/g, "'")}\``).join(', ')}` : ''}`,
    );
  });
}

/** The loads made again after Lighthouse gave up on them, by page. */
function retriedLoads(run: WebRun): string[] {
  return run.pages.flatMap((page) => {
    const retries = [...page.compressed, ...page.identity].reduce((sum, load) => sum + load.retries, 0);
    return retries > 0 ? [`${page.name}: ${times(retries)}`] : [];
  });
}

function compressionEffect(run: WebRun): string[] {
  return run.pages
    .filter((page) => page.identity.length > 0)
    .map((page) => {
      // Paired: the compressed loads of the same runs, one right before each load without.
      const on = (pick: (load: Load) => number) => of(page.compressed.slice(0, page.identity.length), pick);
      const off = (pick: (load: Load) => number) => of(page.identity, pick);
      return [
        page.name,
        `${off((load) => load.performance)} → ${on((load) => load.performance)}`,
        `${ms(off((load) => load.lcpMs))} → ${ms(on((load) => load.lcpMs))}`,
        `${ms(off((load) => load.fcpMs))} → ${ms(on((load) => load.fcpMs))}`,
        `${kB(off((load) => load.scripts.transferBytes))} → ${kB(on((load) => load.scripts.transferBytes))} (${(on((load) => load.scripts.transferBytes) / off((load) => load.scripts.transferBytes)).toFixed(2)}×)`,
      ].join(' | ');
    });
}

export function markdownWebReport(run: WebRun): string {
  const initialBytes = run.initial.reduce((sum, script) => sum + script.bytes, 0);
  const initialGzip = run.initial.reduce((sum, script) => sum + script.gzipBytes, 0);
  const initialBrotli = run.initial.reduce((sum, script) => sum + script.brotliBytes, 0);
  const effect = compressionEffect(run);
  const findings = accessibilityFindings(run);
  const retried = retriedLoads(run);
  return [
    `## ${WEB_HEADING}`,
    '',
    `Generated by \`bench/web.ts\` (\`pnpm bench:web\`); every figure below was measured in the run described`,
    `here. The product is built (\`pnpm build\`) and the compiled API (\`node apps/api/dist/server.js\`, DEMO=1, an`,
    `empty data directory) serves the web client. Lighthouse ${run.lighthouse} loads each page with its mobile`,
    `profile and default simulated throttling (a mid-range phone, slow 4G: 150 ms round trips, 1.6 Mbit/s down, CPU`,
    `slowed 4×), after resetting the browser's storage and cache; a signed-in page gets the session cookie of a`,
    `sign-in through the API on every request. ${run.runs} loads per page, the pages in turn; the table gives the`,
    `median of each figure (each load's score in brackets). "JS on the wire" is every script the load fetched`,
    `(Lighthouse's network requests of type Script, transfer size, as the API sent them: brotli, response`,
    `headers included); "JS gzipped" is the same files gzipped from the build, and "of it before LCP" the part the`,
    `page asked for before its largest content was painted (observed, unthrottled): the initial JavaScript of the`,
    `targets, without what the page fetches once shown (the plan's other sections while idle). kB = 1,000 bytes. Lighthouse`,
    `scales the CPU time it observes on this machine, so other work on it (see the load average) inflates TBT`,
    `and with it the performance score; the loads go over HTTP/1.1 (the API without a proxy).`,
    '',
    `- Date: ${run.date}`,
    `- Code: commit ${run.code}`,
    `- Command: \`${run.command}\` (from the repository root)`,
    `- Machine: ${run.machine}`,
    `- Browser: ${run.chrome}, \`--headless=new\``,
    `- Targets: performance ≥ ${TARGETS.performance}, accessibility ${TARGETS.accessibility}, initial JavaScript ≤ ${TARGETS.initialJsGzipKb} kB gzipped on the sign-in page and the family's home.`,
    '',
    '| page | address | performance | accessibility | LCP | FCP | TBT | CLS | JS on the wire | JS gzipped | of it before LCP |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...run.pages.map((page) => `| ${row(page.name, page.address, page.compressed)} |`),
    '',
    ...verdicts(run).map((line) => `- ${line}`),
    '',
    `Every page loads first the entry and its static imports (index.html's module script and modulepreload`,
    `links): ${run.initial.length} files, ${kB(initialBytes)} as built, ${kB(initialGzip)} gzipped, ${kB(initialBrotli)} with brotli`,
    `(quality 11, as the build writes it beside each file and the API sends it). The rest of "JS gzipped" above is the screen's own chunks.`,
    '',
    retried.length
      ? `Lighthouse gave up on a load (NO_NAVSTART: it saw no navigation begin) and the load was made again (at most ${times(run.maxRetries)} each): ${retried.join('; ')}.`
      : 'Lighthouse gave up on no load (NO_NAVSTART).',
    '',
    ...(findings.length
      ? ['Accessibility audits that failed:', '', ...findings.map((line) => `- ${line}`), '']
      : ['No accessibility audit failed on any page.', '']),
    ...(effect.length
      ? [
          `The API's compression: each page was also loaded ${times(run.pages[0]!.identity.length)} as by a browser that accepts`,
          `no compression (\`Accept-Encoding: identity\`), right after its compressed load(s) of the same run(s)`,
          `(without → with):`,
          '',
          '| page | performance | LCP | FCP | JS on the wire |',
          '| --- | --- | --- | --- | --- |',
          ...effect.map((line) => `| ${line} |`),
          '',
        ]
      : []),
  ].join('\n');
}
