/** What the orchestrator (`run.ts`) and the load generator (`load.ts`) send each other over IPC. */

export interface ActionTarget {
  id: string;
  status: string;
  version: number;
}

import type { CpuShares } from './cpu-usage';

export interface LoadSpec {
  scenario: string;
  /** `http://127.0.0.1:<port>`: loopback only. */
  origin: string;
  method: 'GET' | 'PATCH';
  path: string;
  headers: Record<string, string>;
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
  /**
   * Action updates: each connection owns one action and sends the version it last saw, so no
   * request is refused as stale. `planPath` is re-read after the warm-up to pick up the versions.
   */
  actionUpdate?: { pathPrefix: string; planPath: string };
}

export interface LoadResult {
  scenario: string;
  connections: number;
  durationSeconds: number;
  requestsPerSecond: number;
  latencyMs: { mean: number; p50: number; p97_5: number; p99: number; max: number };
  totalResponses: number;
  non2xx: number;
  /** Socket errors and timeouts: requests that got no HTTP answer at all. */
  errors: number;
  timeouts: number;
  statusCounts: Record<string, number>;
  bytesPerSecond: number;
  /** Responses during the warm-up, which the figures above leave out. */
  warmupResponses: number;
  /** Who used the CPU while the scenario ran (warm-up included); added by the orchestrator. */
  cpu?: CpuShares;
  /** Which attempt this is (see BENCH_ATTEMPTS); added by the orchestrator. */
  attempt?: number;
  /** Responses of every attempt of the scenario, warm-ups included; added by the orchestrator. */
  servedInAllAttempts?: number;
}

export type LoadMessage = { kind: 'result'; result: LoadResult } | { kind: 'failed'; message: string };

/** Every action of a plan as the API answers it, in the plan's order. */
export function actionsOfPlan(plan: unknown): ActionTarget[] {
  const shape = plan as {
    serviceRoles?: { actions?: ActionTarget[] }[];
    familyActions?: ActionTarget[];
  };
  const all = [...(shape.serviceRoles ?? []).flatMap((role) => role.actions ?? []), ...(shape.familyActions ?? [])];
  return all.map(({ id, status, version }) => ({ id, status, version }));
}

const statusCycle: Record<string, string> = { planned: 'in_progress', in_progress: 'done', done: 'planned' };

/** The next status in the cycle planned → in progress → done → planned, so every update changes something. */
export function nextStatus(status: string): string {
  return statusCycle[status] ?? 'planned';
}
