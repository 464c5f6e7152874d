/** The console table and the docs/benchmarks.md section of a scale benchmark run (bench/scale.ts). */

export const SCALE_HEADING = 'Scale';
/** The target: an endpoint's p95 at the largest size at most this many times its p95 at the smallest. */
export const SCALE_P95_GOAL = 2;

export interface EndpointResult {
  label: string;
  path: string;
  /** Why it was not measured at this size (e.g. the API has no such parameter); unset when it was. */
  skipped?: string;
  /** The first request after the API started, ms: a cold cache, a first plan. */
  firstMs: number;
  /** The manager's aggregates: the first request after a change to the data they are drawn from, ms (warm plans, a stale cache). */
  afterChangeMs?: number;
  requests: number;
  p50: number;
  p95: number;
  max: number;
  bytes: number;
}

export interface SizeRun {
  families: number;
  generation: { ms: number; rows: Record<string, number> };
  /** The API's resident memory after a full collection, once every endpoint was measured. */
  rssBytes: number;
  /** Seconds the API's start-up jobs kept it busy before measuring began. */
  settleSeconds: number;
  /** The manager's aggregates asked for at once right after a change, as the manager's page asks: until the last answer, ms. */
  managerPageAfterChangeMs?: number;
  endpoints: EndpointResult[];
}

export interface ScaleRun {
  date: string;
  code: string;
  command: string;
  machine: string;
  settings: string;
  sizes: SizeRun[];
}

const mib = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MiB`;
const ms = (value: number) => (value >= 100 ? String(Math.round(value)) : value.toFixed(1));
const count = (value: number) => value.toLocaleString('en-US');

interface Row {
  label: string;
  path: string;
  cells: string[];
  ratio: string;
  verdict: string;
}

/** Each endpoint's p50 / p95 at each size, and its p95 at the largest size against the smallest. */
function rows(run: ScaleRun): Row[] {
  const first = run.sizes[0];
  const last = run.sizes.at(-1);
  if (!first || !last) return [];
  return first.endpoints.map((endpoint, index) => {
    const results = run.sizes.map((size) => size.endpoints[index]!);
    const cells = results.map((result) => (result.skipped ? 'n/a' : `${ms(result.p50)} / ${ms(result.p95)}`));
    const small = results[0]!;
    const large = results.at(-1)!;
    const comparable = run.sizes.length > 1 && !small.skipped && !large.skipped;
    const ratio = comparable ? large.p95 / small.p95 : NaN;
    return {
      label: endpoint.label,
      path: endpoint.path,
      cells,
      ratio: comparable ? `${ratio.toFixed(2)}x` : 'n/a',
      verdict: comparable ? (ratio <= SCALE_P95_GOAL ? 'met' : 'not met') : (small.skipped ?? large.skipped ?? 'one size only'),
    };
  });
}

export function consoleScaleReport(run: ScaleRun): string {
  const sizes = run.sizes.map((size) => `${count(size.families)} fam. p50/p95`);
  const table = [
    ['endpoint', ...sizes, 'p95 ratio', `≤ ${SCALE_P95_GOAL}x`],
    ...rows(run).map((row) => [row.label, ...row.cells, row.ratio, row.verdict]),
    ['first request (ms)', ...run.sizes.map(() => ''), '', ''],
    ...run.sizes[0]!.endpoints.map((endpoint, index) => [
      `  ${endpoint.label}`,
      ...run.sizes.map((size) => (size.endpoints[index]!.skipped ? 'n/a' : ms(size.endpoints[index]!.firstMs))),
      '',
      '',
    ]),
    ['first request after a change (ms)', ...run.sizes.map(() => ''), '', ''],
    ...afterChangeLines(run).map(({ label, cells }) => [`  ${label}`, ...cells, '', '']),
    ["  manager's page (all at once)", ...pageAfterChange(run), '', ''],
    ['API memory (RSS, after the run)', ...run.sizes.map((size) => mib(size.rssBytes)), '', ''],
    ['generation (s)', ...run.sizes.map((size) => (size.generation.ms / 1000).toFixed(1)), '', ''],
  ];
  const widths = table[0]!.map((_, column) => Math.max(...table.map((line) => line[column]!.length)));
  return ['', ...table.map((line) => line.map((cell, column) => cell.padEnd(widths[column]!)).join('  '))].join('\n');
}

const pageAfterChange = (run: ScaleRun) =>
  run.sizes.map((size) => (size.managerPageAfterChangeMs === undefined ? 'n/a' : ms(size.managerPageAfterChangeMs)));

/** The endpoints measured after a change, with their time at each size. */
function afterChangeLines(run: ScaleRun): { label: string; cells: string[] }[] {
  return run.sizes[0]!.endpoints.flatMap((endpoint, index) => {
    const results = run.sizes.map((size) => size.endpoints[index]!);
    if (results.every((result) => result.afterChangeMs === undefined)) return [];
    return [
      {
        label: endpoint.label,
        cells: results.map((result) => (result.afterChangeMs === undefined ? 'n/a' : ms(result.afterChangeMs))),
      },
    ];
  });
}

export function markdownScaleReport(run: ScaleRun): string {
  const sizeHeads = run.sizes.map((size) => `${count(size.families)} families`);
  const all = rows(run);
  const met = all.filter((row) => row.verdict === 'met').length;
  const judged = all.filter((row) => row.verdict === 'met' || row.verdict === 'not met').length;
  const tableRows = all.map(
    (row) => `| ${row.label} (\`${row.path}\`) | ${row.cells.join(' | ')} | ${row.ratio} | ${row.verdict} |`,
  );
  const firstRows = run.sizes[0]!.endpoints.map(
    (endpoint, index) =>
      `| ${endpoint.label} | ${run.sizes.map((size) => (size.endpoints[index]!.skipped ? 'n/a' : ms(size.endpoints[index]!.firstMs))).join(' | ')} |`,
  );
  const tables = Object.keys(run.sizes.at(-1)!.generation.rows);
  return [
    `## ${SCALE_HEADING}`,
    '',
    `A generated municipality (apps/api/src/test/scale/generate-municipality.ts: about 40 families per coordinator, six services per family, about 150 families per service unit with two workers each, goals, actions, notes, reviews, invitations, consents, events, a hash-chained audit log, usage, wellbeing meters and feedback) on a fresh database of the PostgreSQL server, the real API started on it, and each endpoint read one request at a time by a signed-in coordinator, service worker or manager. The goal: no endpoint's p95 more than ${SCALE_P95_GOAL}x from the smallest size to the largest. **${met} of ${judged} endpoints met it.**`,
    '',
    "What keeps each endpoint flat: everything a coordinator or a worker reads is found through indexes from their own families (about 40 for a coordinator, about 150 for a worker), never by reading a table whole (`apps/api/src/test/scale/hot-query-plans.test.ts` explains every statement of these endpoints at 10,000 families and fails on a sequential scan of a large table). The manager's aggregates read every family by definition: each API instance keeps a computed answer while the count of changes it was drawn from stands (`insights_data_changes`, kept by triggers), so a read costs one small query and its audit row; the first request after a change computes it again, counting in SQL (no usage row leaves the database), and that cost (the after-a-change table) does grow with the data. An endpoint marked n/a is not offered by the API measured (for example a sort parameter not there yet).",
    '',
    `- Date: ${run.date}; code: ${run.code}`,
    `- Command: \`${run.command}\``,
    `- Machine: ${run.machine}`,
    `- ${run.settings}`,
    '',
    `| endpoint | ${sizeHeads.map((head) => `${head}: p50 / p95 (ms)`).join(' | ')} | p95 ratio | ≤ ${SCALE_P95_GOAL}x |`,
    `| --- | ${sizeHeads.map(() => '---').join(' | ')} | --- | --- |`,
    ...tableRows,
    '',
    'The first request after the API started (ms): a cold cache, the first plan of each statement.',
    '',
    `| endpoint | ${sizeHeads.join(' | ')} |`,
    `| --- | ${sizeHeads.map(() => '---').join(' | ')} |`,
    ...firstRows,
    '',
    "The first request after a change (ms): each of the manager's aggregates read once more after a statement that changes one of the tables it is drawn from (a family's status set to itself), so its kept answer is stale and is computed again. This is what a manager waits for after any edit anywhere.",
    '',
    `| endpoint | ${sizeHeads.join(' | ')} |`,
    `| --- | ${sizeHeads.map(() => '---').join(' | ')} |`,
    ...afterChangeLines(run).map(({ label, cells }) => `| ${label} | ${cells.join(' | ')} |`),
    `| the manager's page: all of them at once, until the last answer | ${pageAfterChange(run).join(' | ')} |`,
    '',
    'The size of each answer (KB): an answer that grows with the municipality costs more to send however it is computed.',
    '',
    `| endpoint | ${sizeHeads.join(' | ')} |`,
    `| --- | ${sizeHeads.map(() => '---').join(' | ')} |`,
    ...run.sizes[0]!.endpoints.map(
      (endpoint, index) =>
        `| ${endpoint.label} | ${run.sizes.map((size) => (size.endpoints[index]!.skipped ? 'n/a' : (size.endpoints[index]!.bytes / 1024).toFixed(0))).join(' | ')} |`,
    ),
    '',
    'The size of each run: generation time, the API process after it (resident memory after a full garbage collection, once every endpoint was read), and rows per table.',
    '',
    `| | ${sizeHeads.join(' | ')} |`,
    `| --- | ${sizeHeads.map(() => '---').join(' | ')} |`,
    `| generation (s, analyze included) | ${run.sizes.map((size) => (size.generation.ms / 1000).toFixed(1)).join(' | ')} |`,
    `| API resident memory (RSS) | ${run.sizes.map((size) => mib(size.rssBytes)).join(' | ')} |`,
    `| start-up jobs before measuring (s) | ${run.sizes.map((size) => size.settleSeconds.toFixed(0)).join(' | ')} |`,
    ...tables.map((table) => `| ${table} | ${run.sizes.map((size) => count(size.generation.rows[table] ?? 0)).join(' | ')} |`),
  ].join('\n');
}
