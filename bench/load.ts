/**
 * The load generator: a process of its own, so autocannon never shares an event loop (or a
 * core's time slice, as far as the OS allows) with the server it measures. `run.ts` starts it
 * with an IPC channel, sends one `LoadSpec` and gets one `LoadMessage` back.
 */
import autocannon from 'autocannon';
import { actionsOfPlan, nextStatus, type ActionTarget, type LoadMessage, type LoadResult, type LoadSpec } from './protocol';

const round = (value: number, digits = 2) => Number(value.toFixed(digits));

function send(message: LoadMessage): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send) {
      process.stdout.write(`${JSON.stringify(message)}\n`);
      resolve();
      return;
    }
    process.send(message, () => resolve());
  });
}

async function readActions(spec: LoadSpec, planPath: string): Promise<ActionTarget[]> {
  const response = await fetch(spec.origin + planPath, { headers: spec.headers });
  if (response.status !== 200) throw new Error(`GET ${planPath} answered ${response.status}`);
  return actionsOfPlan(await response.json());
}

/**
 * One connection per action: each connection sends the version its last answer carried, and
 * cycles the status, so every request is a real, valid change.
 */
function actionClients(spec: LoadSpec, actions: ActionTarget[]): Pick<autocannon.Options, 'setupClient'> {
  const { pathPrefix } = spec.actionUpdate!;
  let nextIndex = 0;
  return {
    setupClient(client) {
      const state = actions[nextIndex++ % actions.length]!;
      client.setRequests([
        {
          method: 'PATCH',
          path: `${pathPrefix}/${state.id}`,
          headers: { ...spec.headers, 'content-type': 'application/json' },
          setupRequest: (request) => ({
            ...request,
            body: JSON.stringify({ status: nextStatus(state.status), version: state.version }),
          }),
          onResponse: (status, body) => {
            // A 409 (which should not happen) carries the current action; pick it up and go on.
            if (status !== 200 && status !== 409) return;
            const parsed = JSON.parse(body) as Partial<ActionTarget> & { current?: ActionTarget };
            const current = status === 200 ? parsed : parsed.current;
            if (current && typeof current.version === 'number' && typeof current.status === 'string') {
              state.version = current.version;
              state.status = current.status;
            }
          },
        },
      ]);
    },
  };
}

async function fire(spec: LoadSpec, durationSeconds: number): Promise<autocannon.Result> {
  let perClient: Pick<autocannon.Options, 'setupClient'> = {};
  if (spec.actionUpdate) {
    // Re-read the versions: the previous run may have left changes in flight when it stopped.
    const actions = await readActions(spec, spec.actionUpdate.planPath);
    // Two connections on one action would race for its version and be refused with 409.
    if (actions.length < spec.connections) throw new Error(`${spec.connections} connections but only ${actions.length} actions`);
    perClient = actionClients(spec, actions);
  }
  return autocannon({
    url: spec.origin + spec.path,
    method: spec.method,
    headers: spec.headers,
    connections: spec.connections,
    pipelining: 1,
    duration: durationSeconds,
    timeout: 10,
    ...perClient,
  });
}

const responsesOf = (result: autocannon.Result) => result['1xx'] + result['2xx'] + result['3xx'] + result['4xx'] + result['5xx'];

async function measure(spec: LoadSpec): Promise<LoadResult> {
  let warmupResponses = 0;
  if (spec.warmupSeconds > 0) {
    warmupResponses = responsesOf(await fire(spec, spec.warmupSeconds));
    // Let requests that were in flight when the warm-up stopped finish before measuring.
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const result = await fire(spec, spec.durationSeconds);
  const statusCounts: Record<string, number> = {};
  for (const [code, stats] of Object.entries(result.statusCodeStats ?? {})) statusCounts[code] = stats.count ?? 0;
  return {
    scenario: spec.scenario,
    connections: result.connections,
    durationSeconds: result.duration,
    requestsPerSecond: round(result.requests.mean),
    latencyMs: {
      mean: round(result.latency.mean),
      p50: round(result.latency.p50),
      p97_5: round(result.latency.p97_5),
      p99: round(result.latency.p99),
      max: round(result.latency.max),
    },
    totalResponses: responsesOf(result),
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCounts,
    bytesPerSecond: round(result.throughput.mean, 0),
    warmupResponses,
  };
}

// The orchestrator going away (even killed) closes the channel: stop then, never linger.
process.on('disconnect', () => process.exit(1));

process.once('message', (message: unknown) => {
  measure(message as LoadSpec).then(
    (result) => send({ kind: 'result', result }).then(() => process.exit(0)),
    (error: unknown) => send({ kind: 'failed', message: String(error) }).then(() => process.exit(1)),
  );
});
