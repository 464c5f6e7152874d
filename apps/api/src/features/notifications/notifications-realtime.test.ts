import { pino } from 'pino';
import { io as connect, type Socket } from 'socket.io-client';
import { socketEvents, type NotificationsChanged } from '@yhdessa/shared';
import { loadConfig } from '../../core/config';
import type { Database } from '../../db/database';
import { startServer, type RunningServer } from '../../server';
import { fetchSessionCookie } from '../../test/second-factor';
import { openTestDatabase } from '../../test/test-database';
import { buildWorld, type PersonKey, type World } from '../../test/world';

let server: RunningServer;
let database: Database;
let world: World;
let baseUrl: string;
const sockets: Socket[] = [];

beforeAll(async () => {
  database = await openTestDatabase();
  world = await buildWorld(database.db);
  const config = loadConfig({ NODE_ENV: 'test', PORT: '0', WEB_DIST: '/nonexistent', LOGIN_RATE_LIMIT_PER_MINUTE: '10000' });
  server = await startServer(config, pino({ level: 'silent' }), database);
  baseUrl = `http://127.0.0.1:${server.port}`;
});
afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await server.stop();
});

const cookieFor = (person: PersonKey) => fetchSessionCookie(baseUrl, database.db, world.people[person]);

/** A signed-in socket that has joined no family room: only its own account room hears of notifications. */
async function listen(person: PersonKey): Promise<NotificationsChanged[]> {
  const socket = connect(baseUrl, {
    transports: ['websocket'],
    extraHeaders: { cookie: await cookieFor(person) },
    reconnection: false,
  });
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  const heard: NotificationsChanged[] = [];
  socket.on(socketEvents.notificationsChanged, (change) => heard.push(change));
  return heard;
}

const until = async (check: () => boolean) => {
  for (let waited = 0; !check() && waited < 3000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
};

describe('live notifications', () => {
  it("when the coordinator gives service A a task, then only A's worker's own sockets hear of it, with nothing of the task; a read in another tab reaches them too", async () => {
    const workerA = await listen('workerA');
    const others = await Promise.all((['workerB', 'workerC', 'coordinator', 'otherCoordinator'] as const).map(listen));

    const created = await fetch(`${baseUrl}/api/families/${world.family.id}/actions`, {
      method: 'POST',
      headers: { cookie: await cookieFor('coordinator'), 'content-type': 'application/json' },
      body: JSON.stringify({ serviceRoleId: world.roles.roleA.id, title: 'Salainen otsikko' }),
    });
    expect(created.status).toBe(201);
    await until(() => workerA.length > 0);
    expect(workerA).toEqual([{ change: 'created' }]);

    const workerCookie = await cookieFor('workerA');
    const list = await (await fetch(`${baseUrl}/api/notifications`, { headers: { cookie: workerCookie } })).json();
    const read = await fetch(`${baseUrl}/api/notifications/${list.notifications[0].id}/read`, {
      method: 'POST',
      headers: { cookie: workerCookie },
    });
    expect(read.status).toBe(204);
    await until(() => workerA.length > 1);
    expect(workerA).toEqual([{ change: 'created' }, { change: 'read' }]);
    expect(others).toEqual([[], [], [], []]);
  });
});
