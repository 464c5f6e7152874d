import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { demoAccounts } from './features/demo/demo-accounts';

/** The real server process on an on-disk PGlite: neither a SIGTERM nor a crash (SIGKILL) may lose an acknowledged change. */
jest.setTimeout(120_000);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yhdessa-server-test-'));
const port = 30_000 + Math.floor(Math.random() * 10_000);
const baseUrl = `http://127.0.0.1:${port}`;

function startProcess(environment: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'server.ts')], {
    env: {
      ...process.env,
      NODE_OPTIONS: '',
      DATA_DIR: dataDir,
      DEMO: '1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      WEB_DIST: '/nonexistent',
      ...environment,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function waitForHealth(): Promise<void> {
  for (let attempt = 0; attempt < 900; attempt += 1) {
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('server did not become healthy');
}

function exitCode(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/** socket.io's HTTP long-polling transport without a session: refused, and the process must survive it. */
async function pollWithoutSession(): Promise<void> {
  const handshake = await (await fetch(`${baseUrl}/socket.io/?EIO=4&transport=polling`)).text();
  const sid = JSON.parse(handshake.slice(handshake.indexOf('{'))).sid as string;
  await (await fetch(`${baseUrl}/socket.io/?EIO=4&transport=polling&sid=${sid}`, { method: 'POST', body: '40' })).text();
  await new Promise((resolve) => setTimeout(resolve, 300));
}

async function signIn(): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: demoAccounts.coordinator.email, password: demoAccounts.coordinator.password }),
  });
  return response.headers.getSetCookie()[0]!.split(';')[0]!;
}

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

it('when SIGTERM arrives during use, then the process exits 0 and a restart shows every acknowledged change', async () => {
  const first = startProcess();
  await waitForHealth();
  await pollWithoutSession();
  expect((await fetch(`${baseUrl}/api/health`)).status).toBe(200);
  const cookie = await signIn();
  const { families } = await (await fetch(`${baseUrl}/api/families`, { headers: { cookie } })).json();
  const familyId = families.find((family: { name: string }) => family.name === 'Perhe Virtanen').id;
  const plan = await (await fetch(`${baseUrl}/api/families/${familyId}/plan`, { headers: { cookie } })).json();
  const targets = plan.serviceRoles
    .flatMap((role: { actions: Array<{ id: string; version: number }> }) => role.actions)
    .slice(0, 5);

  const acknowledged: Array<{ id: string; version: number }> = [];
  const write = async (action: { id: string; version: number }) => {
    const response = await fetch(`${baseUrl}/api/families/${familyId}/actions/${action.id}`, {
      method: 'PATCH',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'done', version: action.version }),
    }).catch(() => null);
    if (response?.status === 200) acknowledged.push(await response.json());
  };
  // One change is acknowledged; then the signal arrives while the others are being sent.
  await write(targets[0]);
  const exited = exitCode(first);
  first.kill('SIGTERM');
  await Promise.all(targets.slice(1).map(write));
  expect(await exited).toBe(0);
  expect(acknowledged.length).toBeGreaterThan(0);

  const second = startProcess();
  await waitForHealth();
  const after = await (await fetch(`${baseUrl}/api/families/${familyId}/plan`, { headers: { cookie: await signIn() } })).json();
  const byId = new Map(
    after.serviceRoles.flatMap((role: { actions: Array<{ id: string }> }) => role.actions).map((a: { id: string }) => [a.id, a]),
  );
  for (const action of acknowledged) expect(byId.get(action.id)).toMatchObject({ status: 'done', version: action.version });
  const secondExit = exitCode(second);
  second.kill('SIGTERM');
  expect(await secondExit).toBe(0);
});

it('when the process is killed (SIGKILL) as soon as a note is acknowledged, then a restart shows every acknowledged note', async () => {
  const processes: ChildProcess[] = [];
  try {
    const first = startProcess();
    processes.push(first);
    await waitForHealth();
    const cookie = await signIn();
    const { families } = await (await fetch(`${baseUrl}/api/families`, { headers: { cookie } })).json();
    const familyId = families.find((family: { name: string }) => family.name === 'Perhe Virtanen').id;
    const write = (body: string) =>
      fetch(`${baseUrl}/api/families/${familyId}/notes`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json' },
        body: JSON.stringify({ serviceRoleId: null, body, visibility: 'professionals' }),
      }).catch(() => null);

    // Notes in flight at once; the process dies the moment the first answer arrives, as a crash would.
    const exited = exitCode(first);
    const acknowledged: string[] = [];
    const writes = Array.from({ length: 4 }, (_, index) => `Kirjaus ennen kaatumista ${index}`).map(async (body) => {
      const response = await write(body);
      if (response?.status !== 201) return;
      acknowledged.push(body);
      first.kill('SIGKILL');
    });
    await Promise.all(writes);
    expect(acknowledged.length).toBeGreaterThan(0);
    await exited;

    const second = startProcess();
    processes.push(second);
    await waitForHealth();
    const { notes } = await (
      await fetch(`${baseUrl}/api/families/${familyId}/notes?limit=100`, { headers: { cookie: await signIn() } })
    ).json();
    expect(notes.map((note: { body: string }) => note.body)).toEqual(expect.arrayContaining(acknowledged));
  } finally {
    // No process outlives the test: the data folder is removed after the file.
    for (const child of processes) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
});

it('when SIGTERM arrives while a client keeps a keep-alive connection busy, then the connection is closed after its answer and the process exits well inside the grace period', async () => {
  const child = startProcess({ SHUTDOWN_GRACE_MS: '30000' });
  await waitForHealth();
  const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
  const get = () =>
    new Promise<string | undefined>((resolve, reject) => {
      http
        .get(`${baseUrl}/api/openapi.json`, { agent }, (response) => {
          response.resume();
          response.on('end', () => resolve(response.headers.connection));
        })
        .on('error', reject);
    });
  let closing = false;
  const client = async () => {
    const connections: Array<string | undefined> = [];
    // One request after another on the same connection, as a browser or a load balancer does.
    for (;;) {
      try {
        connections.push(await get());
      } catch {
        return connections;
      }
      if (closing && connections.length > 10_000) return connections;
    }
  };
  // Eight connections busy at once: the load a proxy in front keeps up.
  const busy = Promise.all(Array.from({ length: 8 }, client)).then((all) => all.flat());
  await new Promise((resolve) => setTimeout(resolve, 300));
  const exited = exitCode(child);
  const signalled = Date.now();
  child.kill('SIGTERM');
  closing = true;
  expect(await exited).toBe(0);
  const stoppedAfterMs = Date.now() - signalled;
  const answers = await busy;
  agent.destroy();
  expect(answers.length).toBeGreaterThan(0);
  // Without Connection: close the busy connection would hold the process until the 30 s grace period.
  expect(stoppedAfterMs).toBeLessThan(10_000);
});
