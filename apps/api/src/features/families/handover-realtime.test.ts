import { pino } from 'pino';
import { io as connect, type Socket } from 'socket.io-client';
import { socketEvents, type JoinFamilyAck } from '@yhdessa/shared';
import { loadConfig } from '../../core/config';
import type { Database } from '../../db/database';
import { startServer, type RunningServer } from '../../server';
import { buildFamily } from '../../test/factories';
import { fetchSessionCookie } from '../../test/second-factor';
import { openTestDatabase } from '../../test/test-database';
import { buildWorld, type PersonKey, type World } from '../../test/world';

jest.setTimeout(60_000);

let server: RunningServer;
let database: Database;
let world: World;
let baseUrl: string;
const sockets: Socket[] = [];

beforeAll(async () => {
  database = await openTestDatabase();
  world = await buildWorld(database.db);
  server = await startServer(
    loadConfig({ NODE_ENV: 'test', PORT: '0', WEB_DIST: '/nonexistent' }),
    pino({ level: 'silent' }),
    database,
  );
  baseUrl = `http://127.0.0.1:${server.port}`;
});
afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await server.stop();
});

async function joined(person: PersonKey, familyId: string): Promise<{ socket: Socket; ack: JoinFamilyAck }> {
  const cookie = await fetchSessionCookie(baseUrl, database.db, world.people[person]);
  const socket = connect(baseUrl, { transports: ['websocket'], extraHeaders: { cookie }, reconnection: false });
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  const ack = await new Promise<JoinFamilyAck>((resolve) => socket.emit(socketEvents.joinFamily, { familyId }, resolve));
  return { socket, ack };
}

async function post(person: PersonKey, path: string, body: unknown) {
  const cookie = await fetchSessionCookie(baseUrl, database.db, world.people[person]);
  return fetch(baseUrl + path, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

it("when the named coordinator accepts a handover, then the previous coordinator's open view is revoked and only the new one can join", async () => {
  const family = await buildFamily(database.db, { coordinatorId: world.people.coordinator.id });
  const previous = await joined('coordinator', family.id);
  expect(previous.ack).toMatchObject({ ok: true });

  const requested = await post('coordinator', `/api/families/${family.id}/handover`, {
    toCoordinatorId: world.people.otherCoordinator.id,
    version: family.version,
  });
  expect(requested.status).toBe(200);
  expect((await joined('otherCoordinator', family.id)).ack).toEqual({ ok: false, code: 'not_found' });

  const revoked = new Promise<unknown>((resolve) => previous.socket.once(socketEvents.familyRevoked, resolve));
  const accepted = await post('otherCoordinator', `/api/families/${family.id}/handover/accept`, { version: family.version + 1 });
  expect(accepted.status).toBe(200);
  expect(await revoked).toEqual({ familyId: family.id });
  expect((await joined('otherCoordinator', family.id)).ack).toMatchObject({ ok: true });
  expect((await joined('coordinator', family.id)).ack).toEqual({ ok: false, code: 'not_found' });
});
