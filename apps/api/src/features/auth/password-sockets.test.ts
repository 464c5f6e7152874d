import { desc, eq } from 'drizzle-orm';
import { pino } from 'pino';
import { io as connect, type Socket } from 'socket.io-client';
import { loadConfig } from '../../core/config';
import type { Database } from '../../db/database';
import { mailOutbox } from '../../db/tables/mail-outbox';
import { startServer, type RunningServer } from '../../server';
import { buildAccount, TEST_PASSWORD } from '../../test/factories';
import { fetchSessionCookie } from '../../test/second-factor';
import { openTestDatabase } from '../../test/test-database';

jest.setTimeout(30_000);

let server: RunningServer;
let database: Database;
let baseUrl: string;
const sockets: Socket[] = [];

beforeAll(async () => {
  database = await openTestDatabase();
  server = await startServer(
    loadConfig({ NODE_ENV: 'test', PORT: '0', WEB_DIST: '/nonexistent' }),
    pino({ level: 'silent' }),
    database,
  );
  baseUrl = `http://127.0.0.1:${server.port}`;
});
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.disconnect();
});
afterAll(() => server.stop());

function open(cookie: string): Socket {
  const socket = connect(baseUrl, { transports: ['websocket'], extraHeaders: { cookie }, reconnection: false });
  sockets.push(socket);
  return socket;
}

function connected(socket: Socket): Promise<void> {
  return new Promise((resolve, reject) => {
    if (socket.connected) resolve();
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
}

const disconnected = (socket: Socket) => new Promise((resolve) => socket.once('disconnect', resolve));

function post(path: string, body: unknown, cookie?: string) {
  return fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });
}

describe('live connections when a password changes', () => {
  it('when a user changes their password, then the sockets of their other sessions close and those of this session stay open', async () => {
    const account = await buildAccount(database.db, { role: 'family' });
    const hereCookie = await fetchSessionCookie(baseUrl, database.db, account);
    const elsewhereCookie = await fetchSessionCookie(baseUrl, database.db, account);
    const here = open(hereCookie);
    const elsewhere = open(elsewhereCookie);
    await Promise.all([connected(here), connected(elsewhere)]);
    const elsewhereClosed = disconnected(elsewhere);

    const response = await post(
      '/api/auth/password',
      { currentPassword: TEST_PASSWORD, newPassword: 'Kahvikuppi-Sininen-42' },
      hereCookie,
    );

    expect(response.status).toBe(204);
    await elsewhereClosed;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(here.connected).toBe(true);
  });

  it('when a reset link sets a new password, then every socket of the account closes', async () => {
    const account = await buildAccount(database.db, { role: 'worker' });
    const sockets = [
      open(await fetchSessionCookie(baseUrl, database.db, account)),
      open(await fetchSessionCookie(baseUrl, database.db, account)),
    ];
    await Promise.all(sockets.map(connected));
    const allClosed = Promise.all(sockets.map(disconnected));

    expect((await post('/api/auth/password-reset', { email: account.email })).status).toBe(204);
    const [mail] = await database.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.to, account.email))
      .orderBy(desc(mailOutbox.createdAt));
    const token = /\/kutsu\/([A-Za-z0-9_-]+)/.exec(mail!.body)![1]!;
    expect((await post(`/api/invitations/${token}/accept`, { password: 'Kahvikuppi-Sininen-42' })).status).toBe(204);

    await allClosed;
  });
});
