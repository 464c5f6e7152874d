import { and, eq } from 'drizzle-orm';
import { pino } from 'pino';
import request from 'supertest';
import { accounts } from '../../db/tables/accounts';
import { buildApp } from '../../app';
import { auditEvents } from '../../db/tables/audit';
import { loadConfig } from '../../core/config';
import { startTestApp, type TestApp } from '../../test/test-app';
import { demoAccounts } from './demo-accounts';
import { seedDemoWorld } from './seed-demo-world';

jest.setTimeout(60_000);

/** One database seeded as the demo world, served once in demo mode and once without it. */
let demoApp: TestApp;
let plainApp: ReturnType<typeof buildApp>;

beforeAll(async () => {
  demoApp = await startTestApp({ DEMO: '1' });
  await seedDemoWorld(demoApp.database.db);
  plainApp = buildApp({
    config: loadConfig({ NODE_ENV: 'test', WEB_DIST: '/nonexistent', LOGIN_RATE_LIMIT_PER_MINUTE: '10000' }),
    database: demoApp.database,
    logger: pino({ level: 'silent' }),
    realtime: {
      publishFamilyEvent: async () => undefined,
      endSessionSockets: async () => undefined,
      endAccountSockets: async () => undefined,
      publishNotifications: async () => undefined,
      refreshPresence: async () => undefined,
    },
  });
});
afterAll(() => demoApp.close());

const signIn = (app: TestApp['app'], account: { email: string; password: string }) =>
  request(app).post('/api/auth/login').send({ email: account.email, password: account.password });

describe('demo accounts outside demo mode', () => {
  it('when the demo world is seeded, then every demo login is marked as a demo account in the database', async () => {
    const marked = await demoApp.database.db.select({ email: accounts.email }).from(accounts).where(eq(accounts.isDemo, true));
    expect(marked.map((row) => row.email).sort()).toEqual(
      Object.values(demoAccounts)
        .map((demo) => demo.email)
        .sort(),
    );
  });

  it('when DEMO is off, then every demo login is refused like a wrong password, audited, and counts no failure', async () => {
    for (const demo of Object.values(demoAccounts)) {
      const response = await signIn(plainApp, demo);
      expect(response.status).toBe(401);
      expect(response.body.code).toBe('invalid_credentials');
    }
    const [admin] = await demoApp.database.db.select().from(accounts).where(eq(accounts.email, demoAccounts.admin.email));
    expect(admin!.failedLoginCount).toBe(0);
    const refusals = await demoApp.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.resourceId, admin!.id), eq(auditEvents.basis, 'demo account outside demo mode')));
    expect(refusals).toHaveLength(1);
  });

  it('when a demo session was opened in demo mode, then it opens nothing once DEMO is off', async () => {
    const { email, password } = demoAccounts.coordinator;
    const login = await request(demoApp.app).post('/api/auth/login').send({ email, password }).expect(200);
    const cookie = login.headers['set-cookie']![0]!.split(';')[0]!;
    await request(demoApp.app).get('/api/families').set('Cookie', cookie).expect(200);
    await request(plainApp).get('/api/families').set('Cookie', cookie).expect(401);
    await request(plainApp).get('/api/auth/me').set('Cookie', cookie).expect(401);
  });

  it('when DEMO is on, then the demo logins work and skip the second factor', async () => {
    const response = await signIn(demoApp.app, demoAccounts.admin);
    expect(response.status).toBe(200);
    expect(response.body.secondFactor).toBe('done');
  });
});

describe('configuration that would expose demo logins or mail', () => {
  it('when DEMO=1 is asked for with NODE_ENV=production, then the configuration is refused', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DEMO: '1', SMTP_URL: 'smtp://mail.example:587' })).toThrow(
      /DEMO: demo mode/,
    );
  });

  it('when production has no SMTP_URL, then the configuration is refused: the development outbox exists only outside production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SMTP_URL/);
    expect(loadConfig({ NODE_ENV: 'production', SMTP_URL: 'smtp://mail.example:587' }).DEMO).toBe(false);
  });

  it('when no DATA_DIR is given, then demo mode and production keep their data in different directories', () => {
    const demo = loadConfig({ DEMO: '1' }).DATA_DIR;
    const production = loadConfig({ NODE_ENV: 'production', SMTP_URL: 'smtp://mail.example:587' }).DATA_DIR;
    expect(demo).toMatch(/\.data\/demo$/);
    expect(production).toMatch(/\.data\/production$/);
    expect(loadConfig({ DATA_DIR: 'memory://' }).DATA_DIR).toBe('memory://');
  });

  it('when demo mode is off, then the demo outbox does not exist', async () => {
    await request(plainApp).get('/api/demo/outbox').expect(404);
    await request(demoApp.app).get('/api/demo/outbox').expect(200);
  });
});
