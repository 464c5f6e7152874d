/**
 * Summarises a V8 CPU profile (`node --cpu-prof`, e.g. from `BENCH_PROFILE=<dir> pnpm bench`):
 * where the process spent its time, by package or source file and by function, self time and
 * time including callees.
 *
 *   npx tsx bench/profile-summary.ts <file.cpuprofile> [top=25] [last-seconds]
 *
 * With `last-seconds`, only the samples of the profile's last that many seconds count: with
 * `BENCH_PROFILE`, the API's profile ends with the load, after start-up and seeding.
 */
import fs from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const [file, topArgument, lastArgument] = process.argv.slice(2);
if (!file) throw new Error('usage: tsx bench/profile-summary.ts <file.cpuprofile> [top] [last-seconds]');
const top = Number(topArgument ?? 25);
const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
const out = (text = '') => process.stdout.write(`${text}\n`);

/** `drizzle-orm`, `pg`, `apps/api/src/auth/...`, `node:internal/...`, `(garbage collector)` */
function areaOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const path = url.replace(/^file:\/\//, '');
  const packages = [...path.matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)/g)];
  const last = packages.at(-1);
  if (last) return last[1]!;
  const source = path.match(/\/((?:apps|packages)\/.*)$/);
  if (source) return source[1]!;
  return path.startsWith('node:') ? path.split('/').slice(0, 2).join('/') : path;
}

const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parentOf = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);

const windowStart = lastArgument ? profile.endTime - Number(lastArgument) * 1e6 : profile.startTime;
const selfMicros = new Map<number, number>();
let sampledAt = profile.startTime;
for (const [index, id] of profile.samples.entries()) {
  const delta = profile.timeDeltas[index] ?? 0;
  sampledAt += delta;
  if (sampledAt >= windowStart) selfMicros.set(id, (selfMicros.get(id) ?? 0) + delta);
}
const totalMicros = profile.endTime - windowStart;

const selfByArea = new Map<string, number>();
const selfByFunction = new Map<string, number>();
const inclusiveByFunction = new Map<string, number>();
for (const [id, micros] of selfMicros) {
  const node = byId.get(id)!;
  const { functionName, url, lineNumber } = node.callFrame;
  const area = areaOf(url, functionName);
  selfByArea.set(area, (selfByArea.get(area) ?? 0) + micros);
  const name = `${functionName || '(anonymous)'} ${area}:${lineNumber + 1}`;
  selfByFunction.set(name, (selfByFunction.get(name) ?? 0) + micros);
  // Inclusive: every distinct function on the sample's stack gets the sample once.
  const seen = new Set<string>();
  for (let current: number | undefined = id; current !== undefined; current = parentOf.get(current)) {
    const frame = byId.get(current)!.callFrame;
    const key = `${frame.functionName || '(anonymous)'} ${areaOf(frame.url, frame.functionName)}:${frame.lineNumber + 1}`;
    if (seen.has(key)) continue;
    seen.add(key);
    inclusiveByFunction.set(key, (inclusiveByFunction.get(key) ?? 0) + micros);
  }
}

const ms = (micros: number) => `${(micros / 1000).toFixed(0).padStart(7)} ms`;
const share = (micros: number) => `${((micros / totalMicros) * 100).toFixed(1).padStart(5)} %`;
function print(title: string, entries: Map<string, number>): void {
  out(`\n${title}`);
  for (const [name, micros] of [...entries].sort((a, b) => b[1] - a[1]).slice(0, top))
    out(`${ms(micros)} ${share(micros)}  ${name}`);
}

out(`${file}: ${(totalMicros / 1e6).toFixed(1)} s ${lastArgument ? 'at the end of the profile' : 'profiled'}`);
print('Self time by package or source file', selfByArea);
print('Self time by function', selfByFunction);
print('Time including callees, by function', inclusiveByFunction);
