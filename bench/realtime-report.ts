/** The console table and the docs/benchmarks.md section of a realtime benchmark run (bench/realtime.ts). */
import { DISTURBED_PERCENT, type CpuShares } from './cpu-usage';

export const REALTIME_HEADING = 'Realtime';
/** The target: the full stack's p95 at most this many times the bare broadcast's. */
export const REALTIME_P95_GOAL = 1.5;

interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export interface ScenarioResult {
  label: string;
  clients: number;
  connectSeconds: number;
  rssBefore: number;
  rssAfter: number;
  edits: number;
  failures: number;
  /** Deliveries due (each edit times the viewers of its family) and heard within the timeout. */
  expected: number;
  heard: number;
  /** From the edit's request being sent to a viewer hearing of it, ms. */
  latency: Percentiles;
  /** From the edit's request being sent to its answer, ms. */
  answer: Percentiles;
  /** From the edit's answer reaching the editor to a viewer hearing of it, ms (negative: heard first). */
  afterAnswer: Percentiles;
  cpu?: CpuShares;
  /** The server's SQL statements during the measured edits (with BENCH_QUERY_LOG). */
  queries?: { statementsPerEdit: number; msPerEdit: number; lines: string };
}

export interface RealtimeRun {
  date: string;
  code: string;
  command: string;
  machine: string;
  settings: {
    clients: number;
    families: number;
    rate: number;
    durationSeconds: number;
    warmupSeconds: number;
    deliveryTimeoutMs: number;
  };
  bare: ScenarioResult;
  full: ScenarioResult;
  /** bench/profile-summary.ts over the API's CPU profile of the measured edits, with BENCH_PROFILE. */
  profile?: string;
}

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : '–');
const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
const perConnectionKib = (result: ScenarioResult) => ((result.rssAfter - result.rssBefore) / 1024 / result.clients).toFixed(1);
export const p95Ratio = (run: RealtimeRun) => run.full.latency.p95 / run.bare.latency.p95;

const headings = [
  'scenario',
  'deliveries heard',
  'p50 ms',
  'p95 ms',
  'p99 ms',
  'max ms',
  'edit answered p50 / p95 ms',
  'heard after the answer p50 / p95 ms',
  'RSS before → after MiB',
  'per connection KiB',
];

function rows(run: RealtimeRun): string[][] {
  return [run.bare, run.full].map((result) => [
    result.label,
    `${result.heard} / ${result.expected}${result.failures > 0 ? ` (${result.failures} edits failed)` : ''}`,
    ms(result.latency.p50),
    ms(result.latency.p95),
    ms(result.latency.p99),
    ms(result.latency.max),
    `${ms(result.answer.p50)} / ${ms(result.answer.p95)}`,
    `${ms(result.afterAnswer.p50)} / ${ms(result.afterAnswer.p95)}`,
    `${mib(result.rssBefore)} → ${mib(result.rssAfter)}`,
    perConnectionKib(result),
  ]);
}

const cpuLine = (result: ScenarioResult) =>
  result.cpu
    ? `${result.label}: server ${result.cpu.server} %, clients and editor ${result.cpu.loadGenerator} %, PostgreSQL ${result.cpu.database} %, other processes ${result.cpu.other} %`
    : undefined;

export function consoleRealtimeReport(run: RealtimeRun): string {
  const table = [headings, ...rows(run)];
  const widths = headings.map((_, column) => Math.max(...table.map((row) => row[column]!.length)));
  const line = (row: string[]) =>
    row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
  return [
    '',
    `Realtime: ${run.settings.clients} clients over ${run.settings.families} families, ${run.settings.rate} edits/s for ${run.settings.durationSeconds} s`,
    '',
    ...table.map(line),
    '',
    `p95 full stack / bare: ${p95Ratio(run).toFixed(2)} (goal at most ${REALTIME_P95_GOAL})`,
    ...[run.bare, run.full].flatMap((result) => cpuLine(result) ?? []),
    ...(run.full.queries ? ['', run.full.queries.lines] : []),
    ...(run.profile ? ['', run.profile.trim()] : []),
  ].join('\n');
}

/** The idle share of the API's profile, from bench/profile-summary.ts's "(idle)" line. */
const idlePercent = (profile: string | undefined) => profile?.match(/([\d.]+) %\s+\(idle\)/)?.[1];

/** Where the time between an edit and its delivery went, in words drawn from this run's figures. */
function whereTheTimeGoes(run: RealtimeRun): string[] {
  const { full, bare } = run;
  const idle = idlePercent(run.profile);
  return [
    '**Where the time goes.** ' +
      `The others heard of an edit ${ms(full.afterAnswer.p50)} ms (p50; p95 ${ms(full.afterAnswer.p95)} ms) after the editor had its answer ` +
      `(negative: before it), against ${ms(bare.afterAnswer.p50)} / ${ms(bare.afterAnswer.p95)} ms for the bare broadcast: telling the ` +
      "family's audience rooms adds nothing that shows. The delivery time is the edit's own request: " +
      `answered in ${ms(full.answer.p50)} / ${ms(full.answer.p95)} ms (p50 / p95) against ${ms(bare.answer.p50)} / ${ms(bare.answer.p95)} ms for ` +
      'the bare trigger.' +
      (full.queries
        ? ` That request runs ${full.queries.statementsPerEdit.toFixed(1)} SQL statements one after another (the session, BEGIN, the ` +
          'relationship, the action, the conditional update, the audit chain, the event row, COMMIT), ' +
          `${ms(full.queries.msPerEdit)} ms of statement time per edit on average.`
        : '') +
      (idle
        ? ` The API's process was idle ${idle} % of the profiled time: it waits for the database, not for its own CPU.`
        : '') +
      ((full.cpu?.other ?? 0) > DISTURBED_PERCENT
        ? ` Other processes kept ${full.cpu!.other} % of the cores busy meanwhile, so each round trip also waited for a core: the figures` +
          ' say more about the number of round trips than about their cost on a quiet server.'
        : ''),
  ];
}

export function markdownRealtimeReport(run: RealtimeRun): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const ratio = p95Ratio(run);
  return [
    `## ${REALTIME_HEADING}`,
    '',
    'Generated by `bench/realtime.ts` (`pnpm bench:realtime`); rerun it to replace this section (`pnpm bench` keeps it).',
    '',
    `- Date: ${run.date}`,
    `- Code: commit ${run.code}`,
    `- Command: \`${run.command}\` (from the repository root; needs the local PostgreSQL server)`,
    `- Machine: ${run.machine}`,
    `- Settings: ${run.settings.clients} socket.io clients over ${run.settings.families} families, ${run.settings.rate} edits/s for ${run.settings.durationSeconds} s after ${run.settings.warmupSeconds} s of warm-up; a delivery not heard within ${run.settings.deliveryTimeoutMs / 1000} s counts as lost`,
    '',
    '### What is measured',
    '',
    'Each client is a signed-in session (sessions written straight into the database with the test factories:',
    "in each family a coordinator, two services' workers and two family members) with a socket.io",
    "connection of its own (WebSocket) that has joined its family's room, as the plan screen does. The",
    "families' coordinators edit their family's action (`PATCH /api/families/:id/actions/:id`, status and",
    'version) at a steady rate, the families in turn, each edit sent on time whether or not earlier ones',
    "were answered. A delivery is timed from the moment the edit's request is sent to the moment a",
    'client in the family hears `family:event` for that action at the new version, by one clock in the',
    'process that holds all clients and sends the edits. The API runs as `apps/api/src/server.ts` on a',
    'fresh database of the local PostgreSQL server, in a process of its own.',
    '',
    'The baseline is a plain socket.io server (`bench/bare-socket-server.ts`) in a process of its own, with',
    "the same clients, rooms and rate: an HTTP request emits the same event to the family's room, with",
    'nothing else (no session, access check, transaction, audit or event row). Memory per connection is',
    "the server's resident memory after the clients connected and joined, less before, divided by the",
    'clients.',
    '',
    '### Results',
    '',
    line(headings),
    line(headings.map((_, index) => (index === 0 ? '---' : '---:'))),
    ...rows(run).map(line),
    '',
    `p95 full stack / bare: **${ratio.toFixed(2)}** (goal: at most ${REALTIME_P95_GOAL}): **${ratio <= REALTIME_P95_GOAL ? 'met' : 'not met'}**.`,
    '',
    ...whereTheTimeGoes(run),
    '',
    'CPU while measuring, in % of all cores (PostgreSQL counts only its processes alive at both ends of the measurement):',
    '',
    ...[run.bare, run.full].flatMap((result) => {
      const text = cpuLine(result);
      return text ? [`- ${text}`] : [];
    }),
    ...(run.full.queries
      ? [
          '',
          '### The SQL of the measured edits',
          '',
          'From `BENCH_QUERY_LOG` (`bench/query-timing.ts`):',
          '',
          '```text',
          run.full.queries.lines,
          '```',
        ]
      : []),
    ...(run.profile
      ? [
          '',
          "### The API's CPU while the edits were measured",
          '',
          "From `BENCH_PROFILE` (`bench/profile-summary.ts`, the profile's end):",
          '',
          '```text',
          run.profile.trim(),
          '```',
        ]
      : []),
  ].join('\n');
}
