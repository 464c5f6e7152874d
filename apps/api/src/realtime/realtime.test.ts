import { pino } from 'pino';
import { io as connect, type Socket } from 'socket.io-client';
import { socketEvents, type FamilyCatchUp, type FamilyEvent, type JoinFamilyAck } from '@yhdessa/shared';
import { loadConfig } from '../core/config';
import { startServer, type RunningServer } from '../server';
import { CATCH_UP_LIMIT } from '../socket-server';
import { findFamilyEventHead, insertFamilyEvent, listFamilyEventsAfter } from './family-events.repository';
import { fetchSessionCookie } from '../test/second-factor';
import { openTestDatabase } from '../test/test-database';
import { buildWorld, type PersonKey, type World } from '../test/world';
import type { Database } from '../db/database';
import { eq, sql } from 'drizzle-orm';
import { sessions } from '../db/tables/sessions';
import { serviceRoles } from '../db/tables/service-roles';

let server: RunningServer;
let database: Database;
let world: World;
let baseUrl: string;
const sockets: Socket[] = [];

beforeAll(async () => {
  database = await openTestDatabase();
  world = await buildWorld(database.db);
  // Live connections are re-checked every second here (every minute by default).
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    WEB_DIST: '/nonexistent',
    SOCKET_RECHECK_SECONDS: '1',
    LOGIN_RATE_LIMIT_PER_MINUTE: '10000',
  });
  server = await startServer(config, pino({ level: 'silent' }), database);
  baseUrl = `http://127.0.0.1:${server.port}`;
});
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.disconnect();
});
afterAll(() => server.stop());

function cookieFor(person: PersonKey): Promise<string> {
  return fetchSessionCookie(baseUrl, database.db, world.people[person]);
}

function open(cookie: string | null, origin?: string): Socket {
  const socket = connect(baseUrl, {
    transports: ['websocket'],
    extraHeaders: { ...(cookie ? { cookie } : {}), ...(origin ? { origin } : {}) },
    reconnection: false,
  });
  sockets.push(socket);
  return socket;
}

function connected(socket: Socket): Promise<void> {
  return new Promise((resolve, reject) => {
    // It may have connected while the caller was still signing someone else in.
    if (socket.connected) resolve();
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
}

function join(socket: Socket, familyId: unknown, afterSeq?: number): Promise<JoinFamilyAck> {
  return new Promise((resolve) => socket.emit(socketEvents.joinFamily, { familyId, afterSeq }, resolve));
}

async function caughtUp(socket: Socket, familyId: string, afterSeq?: number): Promise<FamilyCatchUp> {
  const ack = await join(socket, familyId, afterSeq);
  if (!ack.ok) throw new Error(`join refused: ${ack.code}`);
  return ack.catchUp;
}

async function post(cookie: string, path: string, body: unknown, method = 'POST'): Promise<{ id: string; version: number }> {
  const response = await fetch(`${baseUrl}/api/families/${world.family.id}${path}`, {
    method,
    headers: { cookie, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBeLessThan(300);
  return response.json();
}

async function changeAction(cookie: string, actionId: string): Promise<{ version: number }> {
  const current = await fetch(`${baseUrl}/api/families/${world.family.id}/plan`, { headers: { cookie } }).then((r) => r.json());
  const action = [...current.serviceRoles.flatMap((role: { actions: unknown[] }) => role.actions), ...current.familyActions].find(
    (candidate: { id: string }) => candidate.id === actionId,
  );
  const response = await fetch(`${baseUrl}/api/families/${world.family.id}/actions/${actionId}`, {
    method: 'PATCH',
    headers: { cookie, 'content-type': 'application/json' },
    body: JSON.stringify({ status: action.status === 'done' ? 'planned' : 'done', version: action.version }),
  });
  expect(response.status).toBe(200);
  return response.json();
}

describe('family rooms', () => {
  it("when the coordinator changes an action, then the service's worker in the room hears of it, without case data", async () => {
    const worker = open(await cookieFor('workerA'));
    await connected(worker);
    expect(await join(worker, world.family.id)).toMatchObject({ ok: true });

    const heard = new Promise<FamilyEvent>((resolve) => worker.once(socketEvents.familyEvent, resolve));
    const updated = await changeAction(await cookieFor('coordinator'), world.actions.actionA.id);
    const event = await heard;
    expect(event).toEqual({
      type: 'action.updated',
      familyId: world.family.id,
      id: world.actions.actionA.id,
      version: updated.version,
      seq: expect.any(Number),
    });
  });

  it('when someone without a relationship asks to join, then the room stays closed and they hear nothing', async () => {
    const outsider = open(await cookieFor('workerC'));
    await connected(outsider);
    expect(await join(outsider, world.family.id)).toEqual({ ok: false, code: 'not_found' });
    expect(await join(outsider, 'not-a-uuid')).toEqual({ ok: false, code: 'validation_failed' });

    const overheard: FamilyEvent[] = [];
    outsider.on(socketEvents.familyEvent, (event) => overheard.push(event));
    await changeAction(await cookieFor('coordinator'), world.actions.actionB.id);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(overheard).toEqual([]);
  });

  it('when a socket has no session, an ended session or a foreign origin, then it cannot connect', async () => {
    await expect(connected(open(null))).rejects.toThrow('unauthenticated');

    const cookie = await cookieFor('workerA');
    await fetch(`${baseUrl}/api/auth/logout`, { method: 'POST', headers: { cookie } });
    await expect(connected(open(cookie))).rejects.toThrow('unauthenticated');

    await expect(connected(open(await cookieFor('workerA'), 'https://evil.example'))).rejects.toThrow();
  });

  it("when the guardian withdraws a service's consent, then that service's open views hear of it at once to drop the data", async () => {
    const worker = open(await cookieFor('workerA'));
    await connected(worker);
    await join(worker, world.family.id);
    const heard = new Promise<FamilyEvent>((resolve) => worker.once(socketEvents.familyEvent, resolve));
    const response = await fetch(`${baseUrl}/api/families/${world.family.id}/consents`, {
      method: 'POST',
      headers: { cookie: await cookieFor('guardian'), 'content-type': 'application/json' },
      body: JSON.stringify({ serviceId: world.services.serviceA.id, part: 'goals', granted: false }),
    });
    expect(response.status).toBe(200);
    expect(await heard).toMatchObject({ type: 'consent.changed', familyId: world.family.id });
  });
});

describe('catch-up on rejoining', () => {
  it('when a worker and the guardian rejoin after missing notes, an action and a goal, then each is replayed in order exactly as far as they may hear of it', async () => {
    const workerCookie = await cookieFor('workerA');
    const guardianCookie = await cookieFor('guardian');
    const coordinatorCookie = await cookieFor('coordinator');
    const worker = open(workerCookie);
    const guardian = open(guardianCookie);
    await Promise.all([connected(worker), connected(guardian)]);
    const { headSeq: before } = await caughtUp(worker, world.family.id);
    worker.disconnect();
    guardian.disconnect();

    const { roleA, roleB } = world.roles;
    const ownNote = await post(coordinatorCookie, '/notes', {
      serviceRoleId: roleA.id,
      body: 'A:n muistiinpano',
      visibility: 'professionals',
    });
    const otherNote = await post(coordinatorCookie, '/notes', {
      serviceRoleId: roleB.id,
      body: 'B:n muistiinpano',
      visibility: 'professionals',
    });
    const familyNote = await post(coordinatorCookie, '/notes', { serviceRoleId: null, body: 'Perheelle', visibility: 'family' });
    const action = await changeAction(coordinatorCookie, world.actions.actionA.id);
    const goal = await post(coordinatorCookie, '/goals', { title: 'Uusi tavoite' });

    const workerAgain = open(workerCookie);
    const guardianAgain = open(guardianCookie);
    await Promise.all([connected(workerAgain), connected(guardianAgain)]);
    const forWorker = await caughtUp(workerAgain, world.family.id, before);
    const forGuardian = await caughtUp(guardianAgain, world.family.id, before);

    // Service A reads its own role's notes and its action; notes and goals are not shared with it (consent withdrawn above).
    expect(forWorker.events.map((event) => event.id)).toEqual([ownNote.id, world.actions.actionA.id]);
    // The family hears of the note written for it, never of the professionals' ones.
    expect(forGuardian.events.map((event) => event.id)).toEqual([familyNote.id, world.actions.actionA.id, goal.id]);
    expect(forWorker.events.map((event) => event.seq)).toEqual([before + 1, before + 4]);
    expect(forWorker).toMatchObject({ headSeq: before + 5, complete: true });
    expect(forWorker.events[1]).toEqual({
      type: 'action.updated',
      familyId: world.family.id,
      id: world.actions.actionA.id,
      version: action.version,
      seq: before + 4,
    });
    expect(forWorker.events.map((event) => event.id)).not.toContain(otherNote.id);
  });

  it("when a screen first joins, then the last minute's events are replayed, covering what it read just before joining", async () => {
    const coordinatorCookie = await cookieFor('coordinator');
    const note = await post(coordinatorCookie, '/notes', { serviceRoleId: null, body: 'Juuri ennen', visibility: 'family' });
    const socket = open(await cookieFor('guardian'));
    await connected(socket);
    const { events } = await caughtUp(socket, world.family.id);
    expect(events.at(-1)).toMatchObject({ type: 'note.created', id: note.id });
  });

  it('when a client missed more than can be replayed, or names a position the log never reached, then it is told to read everything again', async () => {
    const socket = open(await cookieFor('coordinator'));
    await connected(socket);
    const { headSeq } = await caughtUp(socket, world.family.id);
    expect(await caughtUp(socket, world.family.id, headSeq + 10)).toEqual({ headSeq, complete: false, events: [] });
    await database.db.transaction(async (tx) => {
      for (let index = 0; index <= CATCH_UP_LIMIT; index++)
        await insertFamilyEvent(tx, { type: 'family.updated', familyId: world.family.id, id: world.family.id, version: 1 }, null);
    });
    expect(await caughtUp(socket, world.family.id, headSeq)).toEqual({
      headSeq: headSeq + CATCH_UP_LIMIT + 1,
      complete: false,
      events: [],
    });
    expect(await join(socket, world.family.id, -1)).toEqual({ ok: false, code: 'validation_failed' });
  });

  it('when several changes to one family commit at once, then its sequence numbers are gapless and unique', async () => {
    const coordinatorCookie = await cookieFor('coordinator');
    const head = async () => findFamilyEventHead(world.family.id, database.db);
    const before = await head();
    await Promise.all(
      Array.from({ length: 8 }, (_, index) =>
        post(coordinatorCookie, '/notes', { serviceRoleId: null, body: `Rinnakkain ${index}`, visibility: 'family' }),
      ),
    );
    const written = await listFamilyEventsAfter(world.family.id, before, database.db);
    expect(written.map(({ event }) => event.seq)).toEqual(Array.from({ length: 8 }, (_, index) => before + index + 1));
    expect(await head()).toBe(before + 8);
  });
});

describe('revocation', () => {
  it("when a worker's service role ends, then their socket leaves the room at once, the next request is refused and a reconnect does not bring it back", async () => {
    const workerCookie = await cookieFor('workerB');
    const worker = open(workerCookie);
    await connected(worker);
    expect(await join(worker, world.family.id)).toMatchObject({ ok: true });
    const revoked = new Promise<unknown>((resolve) => worker.once(socketEvents.familyRevoked, resolve));

    const coordinator = await cookieFor('coordinator');
    const ended = await fetch(`${baseUrl}/api/families/${world.family.id}/service-roles/${world.roles.roleB.id}/end`, {
      method: 'POST',
      headers: { cookie: coordinator, 'content-type': 'application/json' },
      body: JSON.stringify({ version: world.roles.roleB.version }),
    });
    expect(ended.status).toBe(200);
    expect(await revoked).toEqual({ familyId: world.family.id });

    const overheard: FamilyEvent[] = [];
    worker.on(socketEvents.familyEvent, (event) => overheard.push(event));
    await changeAction(coordinator, world.actions.actionA.id);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(overheard).toEqual([]);

    expect((await fetch(`${baseUrl}/api/families/${world.family.id}/plan`, { headers: { cookie: workerCookie } })).status).toBe(
      404,
    );
    const again = open(workerCookie);
    await connected(again);
    expect(await join(again, world.family.id)).toEqual({ ok: false, code: 'not_found' });
  });

  it('when a person signs out, or out everywhere, then their open sockets close', async () => {
    const cookie = await cookieFor('guardian');
    const socket = open(cookie);
    await connected(socket);
    const closed = new Promise((resolve) => socket.once('disconnect', resolve));
    await fetch(`${baseUrl}/api/auth/logout`, { method: 'POST', headers: { cookie } });
    await closed;

    const first = open(await cookieFor('youngMember'));
    const second = open(await cookieFor('youngMember'));
    await Promise.all([connected(first), connected(second)]);
    const bothClosed = Promise.all([first, second].map((s) => new Promise((resolve) => s.once('disconnect', resolve))));
    await fetch(`${baseUrl}/api/auth/logout-everywhere`, { method: 'POST', headers: { cookie: await cookieFor('youngMember') } });
    await bothClosed;
  });

  it("when an administrator disables an account, then that account's sockets close and its cookie stops working", async () => {
    const cookie = await cookieFor('workerC');
    const socket = open(cookie);
    await connected(socket);
    const closed = new Promise((resolve) => socket.once('disconnect', resolve));
    const response = await fetch(`${baseUrl}/api/admin/accounts/${world.people.workerC.id}/disable`, {
      method: 'POST',
      headers: { cookie: await cookieFor('admin') },
    });
    expect(response.status).toBe(204);
    await closed;
    expect((await fetch(`${baseUrl}/api/auth/me`, { headers: { cookie } })).status).toBe(401);
  });
});

/** Resolves with what the socket hears within `ms`. */
function heardWithin(socket: Socket, ms: number): Promise<FamilyEvent[]> {
  const heard: FamilyEvent[] = [];
  socket.on(socketEvents.familyEvent, (event) => heard.push(event));
  return new Promise((resolve) => setTimeout(() => resolve(heard), ms));
}

function closedWithin(socket: Socket, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    socket.once('disconnect', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

describe('a socket lives no longer than its session and its access', () => {
  let fresh: World;
  beforeAll(async () => {
    fresh = await buildWorld(database.db);
  });
  const cookieOf = (person: PersonKey) => fetchSessionCookie(baseUrl, database.db, fresh.people[person]);
  const ageSessionsOf = (person: PersonKey, change: Partial<typeof sessions.$inferInsert>) =>
    database.db.update(sessions).set(change).where(eq(sessions.accountId, fresh.people[person].id));

  it('when the session passes its idle limit while the socket stays open, then the socket is closed at the next re-check', async () => {
    const socket = open(await cookieOf('workerA'));
    await connected(socket);
    expect(await join(socket, fresh.family.id)).toMatchObject({ ok: true });
    await ageSessionsOf('workerA', { lastSeenAt: new Date(Date.now() - 31 * 60_000) });
    expect(await closedWithin(socket, 3_000)).toBe(true);
  });

  it('when the session passes its absolute limit, then the socket is closed at the next re-check', async () => {
    const socket = open(await cookieOf('guardian'));
    await connected(socket);
    await ageSessionsOf('guardian', { expiresAt: new Date(Date.now() - 1000) });
    expect(await closedWithin(socket, 3_000)).toBe(true);
  });

  it('when the session has ended and the socket asks to join a family, then the join is refused and the socket closed', async () => {
    const socket = open(await cookieOf('coordinator'));
    await connected(socket);
    const closed = closedWithin(socket, 3_000);
    await ageSessionsOf('coordinator', { endedAt: new Date() });
    expect(await join(socket, fresh.family.id)).toEqual({ ok: false, code: 'not_found' });
    expect(await closed).toBe(true);
  });

  it("when a worker's role reaches its end date (midnight in Helsinki), then the socket leaves the family's rooms and hears nothing more", async () => {
    const worker = open(await cookieOf('workerB'));
    await connected(worker);
    expect(await join(worker, fresh.family.id)).toMatchObject({ ok: true });
    const revoked = new Promise((resolve) => worker.once(socketEvents.familyRevoked, resolve));
    await database.db
      .update(serviceRoles)
      .set({ endsOn: sql`(now() at time zone 'Europe/Helsinki')::date - 1` })
      .where(eq(serviceRoles.id, fresh.roles.roleB.id));
    expect(await revoked).toEqual({ familyId: fresh.family.id });
    const overheard = heardWithin(worker, 500);
    await fetch(`${baseUrl}/api/families/${fresh.family.id}/goals`, {
      method: 'POST',
      headers: { cookie: await cookieOf('coordinator'), 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Kuulumaton tavoite' }),
    });
    expect(await overheard).toEqual([]);
  });
});

describe('events reach only those who may see the item', () => {
  let fresh: World;
  beforeAll(async () => {
    fresh = await buildWorld(database.db);
  });
  const cookieOf = (person: PersonKey) => fetchSessionCookie(baseUrl, database.db, fresh.people[person]);

  async function listening(person: PersonKey): Promise<Socket> {
    const socket = open(await cookieOf(person));
    await connected(socket);
    expect(await join(socket, fresh.family.id)).toMatchObject({ ok: true });
    return socket;
  }

  async function writeNote(person: PersonKey, body: { serviceRoleId: string | null; visibility: 'professionals' | 'family' }) {
    const response = await fetch(`${baseUrl}/api/families/${fresh.family.id}/notes`, {
      method: 'POST',
      headers: { cookie: await cookieOf(person), 'content-type': 'application/json' },
      body: JSON.stringify({ ...body, body: 'Kirjaus' }),
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as { id: string }).id;
  }

  it("when notes are written, then the family hears only of notes written for it, and a service without the family's consent for notes only of its own role's", async () => {
    const coordinator = await listening('coordinator');
    const guardian = await listening('guardian');
    const workerA = await listening('workerA');
    const workerB = await listening('workerB');
    const ears = [coordinator, guardian, workerA, workerB].map((socket) => heardWithin(socket, 1_500));
    const professionalsOnA = await writeNote('workerA', { serviceRoleId: fresh.roles.roleA.id, visibility: 'professionals' });
    const professionalsOnB = await writeNote('workerB', { serviceRoleId: fresh.roles.roleB.id, visibility: 'professionals' });
    const forTheFamily = await writeNote('coordinator', { serviceRoleId: null, visibility: 'family' });
    const [toCoordinator, toGuardian, toWorkerA, toWorkerB] = (await Promise.all(ears)).map((events) =>
      events.filter((event) => event.type === 'note.created').map((event) => event.id),
    );
    expect(toCoordinator).toEqual([professionalsOnA, professionalsOnB, forTheFamily]);
    expect(toGuardian).toEqual([forTheFamily]);
    expect(toWorkerA).toEqual([professionalsOnA]);
    expect(toWorkerB).toEqual([professionalsOnB]);
  });

  it('when a goal is added, then the service the family shares its goals with hears of it, and a service it does not share them with does not', async () => {
    const workerA = await listening('workerA');
    const workerB = await listening('workerB');
    const guardian = await listening('guardian');
    const ears = [workerA, workerB, guardian].map((socket) => heardWithin(socket, 1_500));
    const response = await fetch(`${baseUrl}/api/families/${fresh.family.id}/goals`, {
      method: 'POST',
      headers: { cookie: await cookieOf('coordinator'), 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Jaettu tavoite' }),
    });
    expect(response.status).toBe(201);
    const [toWorkerA, toWorkerB, toGuardian] = (await Promise.all(ears)).map((events) => events.map((event) => event.type));
    expect(toWorkerA).toEqual(['goal.created']);
    expect(toWorkerB).toEqual([]);
    expect(toGuardian).toEqual(['goal.created']);
  });
});
