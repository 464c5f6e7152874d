import { pino } from 'pino';
import { io as connect, type Socket } from 'socket.io-client';
import { socketEvents, type JoinFamilyAck, type Presence } from '@yhdessa/shared';
import { loadConfig } from '../core/config';
import type { Database } from '../db/database';
import { startServer, type RunningServer } from '../server';
import { fetchSessionCookie } from '../test/second-factor';
import { openTestDatabase } from '../test/test-database';
import { buildWorld, type PersonKey, type World } from '../test/world';

let server: RunningServer;
let database: Database;
let baseUrl: string;
const sockets: Socket[] = [];

beforeAll(async () => {
  database = await openTestDatabase();
  const config = loadConfig({ NODE_ENV: 'test', PORT: '0', WEB_DIST: '/nonexistent', LOGIN_RATE_LIMIT_PER_MINUTE: '10000' });
  server = await startServer(config, pino({ level: 'silent' }), database);
  baseUrl = `http://127.0.0.1:${server.port}`;
});
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.disconnect();
});
afterAll(() => server.stop());

/** A socket of the person with every presence it is told, newest last. */
interface Viewer {
  socket: Socket;
  told: Presence[];
  cookie: string;
}

/** Resolves with the first presence told to the viewer (from now on, or the latest already told) that passes the test. */
function toldSoon(viewer: Viewer, test: (presence: Presence) => boolean, ms = 3_000): Promise<Presence> {
  return new Promise((resolve, reject) => {
    const latest = viewer.told.at(-1);
    if (latest && test(latest)) return resolve(latest);
    const timer = setTimeout(() => reject(new Error(`not told in ${ms} ms; last: ${JSON.stringify(viewer.told.at(-1))}`)), ms);
    const listen = (presence: Presence) => {
      if (!test(presence)) return;
      clearTimeout(timer);
      viewer.socket.off(socketEvents.presenceChanged, listen);
      resolve(presence);
    };
    viewer.socket.on(socketEvents.presenceChanged, listen);
  });
}

const namesOf = (presence: Presence) => (presence.audience === 'professional' ? presence.viewers.map((each) => each.name) : []);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('presence: who is looking at the family’s plan now', () => {
  let world: World;
  beforeAll(async () => {
    world = await buildWorld(database.db);
  });
  async function connectAs(person: PersonKey, of: World = world): Promise<Viewer> {
    const cookie = await fetchSessionCookie(baseUrl, database.db, of.people[person]);
    const socket = connect(baseUrl, { transports: ['websocket'], extraHeaders: { cookie }, reconnection: false });
    sockets.push(socket);
    const told: Presence[] = [];
    socket.on(socketEvents.presenceChanged, (presence: Presence) => told.push(presence));
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
    return { socket, told, cookie };
  }

  function join(viewer: Viewer, familyId: string): Promise<JoinFamilyAck> {
    return new Promise((resolve) => viewer.socket.emit(socketEvents.joinFamily, { familyId }, resolve));
  }

  async function openPlan(person: PersonKey, of: World = world): Promise<Viewer> {
    const viewer = await connectAs(person, of);
    expect(await join(viewer, of.family.id)).toMatchObject({ ok: true });
    return viewer;
  }

  function request(viewer: Viewer, familyId: unknown): Promise<Presence | null> {
    return new Promise((resolve) => viewer.socket.emit(socketEvents.presenceRequest, { familyId }, resolve));
  }

  function choose(viewer: Viewer, seesCoordinatorPresence: unknown, familyId = world.family.id) {
    return fetch(`${baseUrl}/api/families/${familyId}/presence-preference`, {
      method: 'PUT',
      headers: { cookie: viewer.cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ seesCoordinatorPresence }),
    });
  }

  it('when the coordinator, a worker and the guardian open the plan, then each is told who else is there as far as they may know', async () => {
    const coordinator = await openPlan('coordinator');
    const worker = await openPlan('workerA');
    const guardian = await openPlan('guardian');

    const toCoordinator = await toldSoon(
      coordinator,
      (p) => namesOf(p).length === 1 && p.audience === 'professional' && p.familyMemberViewing,
    );
    expect(toCoordinator).toMatchObject({
      audience: 'professional',
      familyId: world.family.id,
      viewers: [
        { accountId: world.people.workerA.id, name: 'Työntekijä A', role: 'worker', serviceRoleIds: [world.roles.roleA.id] },
      ],
      familyMemberViewing: true,
    });
    const toWorker = await toldSoon(worker, (p) => p.audience === 'professional' && p.familyMemberViewing);
    expect(namesOf(toWorker)).toEqual(['Koordinaattori Yksi']);
    // The guardian has not asked to be told: nothing of anyone.
    expect(await request(guardian, world.family.id)).toEqual({
      audience: 'family',
      familyId: world.family.id,
      at: expect.any(Number),
      coordinatorViewing: false,
    });
    expect(guardian.told.every((presence) => presence.audience === 'family' && !presence.coordinatorViewing)).toBe(true);
  });

  it('when the guardian turns on being told, then their open plan says the coordinator is looking at once, and stops when turned off', async () => {
    const guardian = await openPlan('guardian');
    await openPlan('coordinator');
    expect(
      await (
        await fetch(`${baseUrl}/api/families/${world.family.id}/presence-preference`, { headers: { cookie: guardian.cookie } })
      ).json(),
    ).toEqual({
      seesCoordinatorPresence: false,
    });

    expect((await choose(guardian, true)).status).toBe(200);
    await toldSoon(guardian, (p) => p.audience === 'family' && p.coordinatorViewing);
    // Another member of the family has made no such choice.
    const young = await openPlan('youngMember');
    expect(await request(young, world.family.id)).toMatchObject({ coordinatorViewing: false });

    expect((await choose(guardian, false)).status).toBe(200);
    await toldSoon(guardian, (p) => p.audience === 'family' && !p.coordinatorViewing);
  });

  it('when a worker closes the tab or leaves the plan, then the others’ lists drop them within a second', async () => {
    const coordinator = await openPlan('coordinator');
    const workerA = await openPlan('workerA');
    const workerB = await openPlan('workerB');
    await toldSoon(coordinator, (p) => namesOf(p).length === 2);

    const started = Date.now();
    workerA.socket.disconnect();
    await toldSoon(coordinator, (p) => namesOf(p).join() === 'Työntekijä B');
    expect(Date.now() - started).toBeLessThan(1_000);

    workerB.socket.emit(socketEvents.leaveFamily, { familyId: world.family.id });
    await toldSoon(coordinator, (p) => namesOf(p).length === 0);
  });

  it('when a worker’s role ends while they look at the plan, then they vanish from the others’ lists and are told nothing more', async () => {
    const fresh = await buildWorld(database.db);
    const coordinator = await openPlan('coordinator', fresh);
    const workerB = await openPlan('workerB', fresh);
    await toldSoon(coordinator, (p) => namesOf(p).length === 1);

    const ended = await fetch(`${baseUrl}/api/families/${fresh.family.id}/service-roles/${fresh.roles.roleB.id}/end`, {
      method: 'POST',
      headers: { cookie: coordinator.cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ version: fresh.roles.roleB.version }),
    });
    expect(ended.status).toBe(200);
    await toldSoon(coordinator, (p) => namesOf(p).length === 0);
    const toldBefore = workerB.told.length;
    await openPlan('guardian', fresh);
    await pause(300);
    expect(workerB.told.length).toBe(toldBefore);
    expect(await request(workerB, fresh.family.id)).toBeNull();
  });

  it('when someone outside the family asks or listens, then they learn nothing of who is looking', async () => {
    const outsider = await connectAs('workerC');
    expect(await join(outsider, world.family.id)).toEqual({ ok: false, code: 'not_found' });
    expect(await request(outsider, world.family.id)).toBeNull();
    expect(await request(outsider, 'not-a-uuid')).toBeNull();
    await openPlan('coordinator');
    await openPlan('guardian');
    await pause(300);
    expect(outsider.told).toEqual([]);
  });

  it('when a professional or another family asks for the choice, or it is not a yes or no, then it is refused and nothing changes', async () => {
    const coordinator = await connectAs('coordinator');
    const other = await connectAs('otherGuardian');
    const guardian = await connectAs('guardian');
    expect((await choose(coordinator, true)).status).toBe(403);
    expect((await choose(other, true)).status).toBe(404);
    expect((await choose(guardian, 'yes')).status).toBe(400);
    const read = await fetch(`${baseUrl}/api/families/${world.family.id}/presence-preference`, {
      headers: { cookie: coordinator.cookie },
    });
    expect(read.status).toBe(403);
    const own = await fetch(`${baseUrl}/api/families/${world.family.id}/presence-preference`, {
      headers: { cookie: guardian.cookie },
    });
    expect(await own.json()).toEqual({ seesCoordinatorPresence: false });
  });
});
