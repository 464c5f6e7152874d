import { pino } from 'pino';
import { io as connect } from 'socket.io-client';
import { socketEvents, type JoinFamilyAck } from '@yhdessa/shared';
import { loadConfig } from '../config';
import type { Database } from '../db/database';
import { apiRoutes } from '../routes';
import { startServer, type RunningServer } from '../server';
import { buildAccount } from '../test/factories';
import { openTestDatabase } from '../test/test-database';
import { buildWorld, type PersonKey, type World } from '../test/world';

/**
 * Every route and socket event, for every kind of person (and nobody), against their own
 * family, another family and one that does not exist. Allowed writes are sent with a stale
 * version, so they reach the version check (409) without changing anything.
 */
jest.setTimeout(120_000);

type Persona = PersonKey | 'anonymous';
type Target = 'own' | 'other' | 'none';
const personas: Persona[] = [
  'anonymous',
  'coordinator',
  'otherCoordinator',
  'workerA',
  'workerB',
  'workerC',
  'guardian',
  'youngMember',
  'otherGuardian',
  'manager',
  'admin',
];
const targets: Target[] = ['own', 'other', 'none'];
const NOWHERE = '00000000-0000-4000-8000-000000000000';

let server: RunningServer;
let database: Database;
let world: World;
let baseUrl: string;
const cookies = new Map<Persona, string | null>();

/** The family each persona belongs to in the world: the rest are "other" to them. */
const homeOf = (persona: Persona): 'family' | 'otherFamily' | null =>
  ['coordinator', 'workerA', 'workerB', 'guardian', 'youngMember'].includes(persona)
    ? 'family'
    : ['otherCoordinator', 'workerC', 'otherGuardian'].includes(persona)
      ? 'otherFamily'
      : null;

function familyFor(persona: Persona, target: Target) {
  const home = homeOf(persona) ?? 'family';
  if (target === 'none') return null;
  const key = target === 'own' ? home : home === 'family' ? 'otherFamily' : 'family';
  return key === 'family'
    ? {
        id: world.family.id,
        actionId: world.actions.actionA.id,
        serviceRoleId: world.roles.roleB.id,
        serviceId: world.services.serviceA.id,
      }
    : {
        id: world.otherFamily.id,
        actionId: world.otherAction.id,
        serviceRoleId: world.otherRole.id,
        serviceId: world.services.serviceC.id,
      };
}

interface Cell {
  method: string;
  path: string;
  body?: unknown;
  /** The status expected for a persona who belongs to the family, by persona. */
  expect: (persona: Persona, target: Target) => number;
}

const isMember = (persona: Persona, target: Target) => target === 'own' && homeOf(persona) !== null;
const familyScoped = (allowed: Partial<Record<Persona, number>>) => (persona: Persona, target: Target) =>
  persona === 'anonymous' ? 401 : !isMember(persona, target) ? 404 : (allowed[persona] ?? 404);
const signedIn = (allowed: Partial<Record<Persona, number>>) => (persona: Persona) =>
  persona === 'anonymous' ? 401 : (allowed[persona] ?? 404);
const everyone = (status: number) => () => status;

/** One entry per declared route: adding a route without adding it here fails the test below. */
function cellsFor(persona: Persona, target: Target): Record<string, Cell> {
  const family = familyFor(persona, target);
  const familyId = family?.id ?? NOWHERE;
  const members = {
    coordinator: 1,
    otherCoordinator: 1,
    workerA: 1,
    workerB: 1,
    workerC: 1,
    guardian: 1,
    youngMember: 1,
    otherGuardian: 1,
  };
  const all = (status: number) =>
    Object.fromEntries(Object.keys(members).map((key) => [key, status])) as Partial<Record<Persona, number>>;
  return {
    'POST /api/auth/login': {
      method: 'POST',
      path: '/api/auth/login',
      body: { email: 'nobody@test.example', password: 'wrong' },
      expect: everyone(401),
    },
    'POST /api/auth/logout': { method: 'POST', path: '/api/auth/logout', expect: everyone(204) },
    'POST /api/auth/logout-everywhere': {
      method: 'POST',
      path: '/api/auth/logout-everywhere',
      expect: signedIn({ ...all(204), manager: 204, admin: 204 }),
    },
    'GET /api/auth/me': { method: 'GET', path: '/api/auth/me', expect: signedIn({ ...all(200), manager: 200, admin: 200 }) },
    'GET /api/families': { method: 'GET', path: '/api/families', expect: signedIn(all(200)) },
    'GET /api/families/:familyId/plan': { method: 'GET', path: `/api/families/${familyId}/plan`, expect: familyScoped(all(200)) },
    'PATCH /api/families/:familyId/actions/:actionId': {
      method: 'PATCH',
      path: `/api/families/${familyId}/actions/${family?.actionId ?? NOWHERE}`,
      body: { status: 'done', version: 999 },
      expect: familyScoped({
        coordinator: 409,
        otherCoordinator: 409,
        workerA: 409,
        workerC: 409,
        workerB: 403,
        guardian: 403,
        youngMember: 403,
        otherGuardian: 403,
      }),
    },
    'POST /api/families/:familyId/service-roles/:serviceRoleId/end': {
      method: 'POST',
      path: `/api/families/${familyId}/service-roles/${family?.serviceRoleId ?? NOWHERE}/end`,
      body: { version: 999 },
      expect: familyScoped({ ...all(403), coordinator: 409, otherCoordinator: 409 }),
    },
    'GET /api/families/:familyId/consents': {
      method: 'GET',
      path: `/api/families/${familyId}/consents`,
      expect: familyScoped({ coordinator: 200, otherCoordinator: 200, guardian: 200, youngMember: 200, otherGuardian: 200 }),
    },
    'POST /api/families/:familyId/consents': {
      method: 'POST',
      path: `/api/families/${familyId}/consents`,
      body: { serviceId: family?.serviceId ?? NOWHERE, part: 'measurements', granted: false },
      expect: familyScoped({ guardian: 200, otherGuardian: 200 }),
    },
    'GET /api/families/:familyId/access-log': {
      method: 'GET',
      path: `/api/families/${familyId}/access-log`,
      expect: familyScoped({ coordinator: 200, otherCoordinator: 200, guardian: 200, youngMember: 200, otherGuardian: 200 }),
    },
    'GET /api/audit/export': {
      method: 'GET',
      path: `/api/audit/export?from=${encodeURIComponent(new Date(Date.now() - 3_600_000).toISOString())}&to=${encodeURIComponent(new Date(Date.now() + 3_600_000).toISOString())}`,
      expect: signedIn({ admin: 200 }),
    },
    'POST /api/admin/accounts/:accountId/disable': {
      method: 'POST',
      path: `/api/admin/accounts/${disposableAccountId}/disable`,
      expect: signedIn({ admin: 204 }),
    },
  };
}
let disposableAccountId = NOWHERE;

async function signIn(persona: Persona): Promise<string | null> {
  if (persona === 'anonymous') return null;
  const account = world.people[persona];
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: account.email, password: account.password }),
  });
  return response.headers.getSetCookie()[0]!.split(';')[0]!;
}

async function send(cell: Cell, cookie: string | null): Promise<number> {
  const response = await fetch(baseUrl + cell.path, {
    method: cell.method,
    headers: { ...(cookie ? { cookie } : {}), ...(cell.body ? { 'content-type': 'application/json' } : {}) },
    body: cell.body ? JSON.stringify(cell.body) : undefined,
  });
  await response.arrayBuffer();
  return response.status;
}

async function joinAs(cookie: string, familyId: string): Promise<JoinFamilyAck> {
  const socket = connect(baseUrl, { transports: ['websocket'], extraHeaders: { cookie }, reconnection: false });
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
    return await new Promise<JoinFamilyAck>((resolve) => socket.emit(socketEvents.joinFamily, { familyId }, resolve));
  } finally {
    socket.disconnect();
  }
}

beforeAll(async () => {
  database = await openTestDatabase();
  world = await buildWorld(database.db);
  disposableAccountId = (await buildAccount(database.db, { role: 'worker' })).id;
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    WEB_DIST: '/nonexistent',
    DEMO: '1',
    LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
  });
  server = await startServer(config, pino({ level: 'silent' }), database);
  baseUrl = `http://127.0.0.1:${server.port}`;
  for (const persona of personas) cookies.set(persona, await signIn(persona));
});
afterAll(() => server.stop());

it('when every person tries every route and socket event on every family, then there are 0 unexpected allows and 0 unexpected denies', async () => {
  const declared = apiRoutes(loadConfig({ NODE_ENV: 'test', DEMO: '1' })).map(
    (route) => `${route.method.toUpperCase()} /api${route.path}`,
  );
  const covered = [...Object.keys(cellsFor('coordinator', 'own')), 'GET /api/demo/accounts'];
  expect(covered.sort()).toEqual([...declared].sort());

  const mismatches: string[] = [];
  let cells = 0;
  for (const persona of personas) {
    for (const target of targets) {
      for (const [name, cell] of Object.entries(cellsFor(persona, target))) {
        // Signing out ends the session: those cells get a session of their own.
        const cookie = name.includes('logout') ? await signIn(persona) : cookies.get(persona)!;
        const status = await send(cell, cookie);
        if (name.endsWith('logout-everywhere')) cookies.set(persona, await signIn(persona));
        const expected = cell.expect(persona, target);
        cells += 1;
        if (status !== expected)
          mismatches.push(`${name} as ${persona} on ${target} family: got ${status}, expected ${expected}`);
      }
      if (persona !== 'anonymous') {
        const familyId = familyFor(persona, target)?.id ?? NOWHERE;
        const ack = await joinAs(cookies.get(persona)!, familyId);
        const expected = isMember(persona, target) ? 'ok' : 'not_found';
        cells += 1;
        if ((ack.ok ? 'ok' : ack.code) !== expected)
          mismatches.push(`family:join as ${persona} on ${target} family: got ${JSON.stringify(ack)}`);
      }
    }
  }
  const demo = await send({ method: 'GET', path: '/api/demo/accounts', expect: everyone(200) }, null);
  cells += 1;
  if (demo !== 200) mismatches.push(`GET /api/demo/accounts: ${demo}`);

  process.stdout.write(`authorization matrix: ${cells} cells, ${mismatches.length} mismatches\n`);
  expect(mismatches).toEqual([]);
});
