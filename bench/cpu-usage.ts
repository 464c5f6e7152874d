/**
 * Who used the machine's CPU during a scenario: the server under test, the load generator, the
 * PostgreSQL server, and everything else. On a shared machine "everything else" tells whether a
 * figure was disturbed. Linux only (reads /proc); elsewhere it reports nothing.
 */
import fs from 'node:fs';
import os from 'node:os';

/** Other processes above this share of the machine (all cores) disturb a measurement. */
export const DISTURBED_PERCENT = 10;

export interface CpuSnapshot {
  /** All CPU time of the machine (all cores), busy and idle, in clock ticks. */
  total: number;
  /** Time spent running processes (user, nice, system). */
  busy: number;
  byPid: Map<number, number>;
  postgres: number;
}

export interface CpuShares {
  cores: number;
  /** Percent of all cores' time. */
  server: number;
  loadGenerator: number;
  database: number;
  other: number;
}

function processTicks(pid: string): { comm: string; ticks: number } | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = stat.lastIndexOf(')');
    const comm = stat.slice(stat.indexOf('(') + 1, close);
    const fields = stat
      .slice(close + 2)
      .split(' ')
      .map(Number);
    // After "pid (comm)": state is field 3; utime and stime are fields 14 and 15.
    return { comm, ticks: (fields[11] ?? 0) + (fields[12] ?? 0) };
  } catch {
    return null; // gone meanwhile
  }
}

export function cpuSnapshot(): CpuSnapshot | null {
  if (process.platform !== 'linux') return null;
  try {
    const cpuLine = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
    const values = cpuLine.trim().split(/\s+/).slice(1, 9).map(Number);
    const total = values.reduce((sum, value) => sum + value, 0);
    // Processes' user and system time, comparable with theirs in /proc/<pid>/stat; interrupt
    // handling (loopback networking lands there) and the hypervisor's share are left out.
    const processTime = (values[0] ?? 0) + (values[1] ?? 0) + (values[2] ?? 0);
    const byPid = new Map<number, number>();
    let postgres = 0;
    for (const entry of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const found = processTicks(entry);
      if (!found) continue;
      byPid.set(Number(entry), found.ticks);
      if (found.comm === 'postgres') postgres += found.ticks;
    }
    return { total, busy: processTime, byPid, postgres };
  } catch {
    return null;
  }
}

const delta = (before: CpuSnapshot, after: CpuSnapshot, pids: readonly number[]) =>
  pids.reduce((sum, pid) => sum + Math.max(0, (after.byPid.get(pid) ?? 0) - (before.byPid.get(pid) ?? 0)), 0);

/** The shares between two snapshots; `ours` are this run's own processes other than those named. */
export function cpuShares(
  before: CpuSnapshot | null,
  after: CpuSnapshot | null,
  pids: { server: readonly number[]; loadGenerator: readonly number[]; ours: readonly number[] },
): CpuShares | undefined {
  if (!before || !after || after.total <= before.total) return undefined;
  const elapsed = after.total - before.total;
  const server = delta(before, after, pids.server);
  const loadGenerator = delta(before, after, pids.loadGenerator);
  const ours = delta(before, after, pids.ours);
  const database = Math.max(0, after.postgres - before.postgres);
  const other = Math.max(0, after.busy - before.busy - server - loadGenerator - ours - database);
  const percent = (ticks: number) => Number(((ticks / elapsed) * 100).toFixed(1));
  return {
    cores: os.cpus().length,
    server: percent(server),
    loadGenerator: percent(loadGenerator),
    database: percent(database),
    other: percent(other),
  };
}
