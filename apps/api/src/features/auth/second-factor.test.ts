import { createHash } from 'node:crypto';
import { currentUserSchema, recoveryCodesSchema, secondFactorEnrolmentSchema } from '@yhdessa/shared';
import { and, eq } from 'drizzle-orm';
import { authenticator } from 'otplib';
import { pino } from 'pino';
import { io as connect } from 'socket.io-client';
import request from 'supertest';
import { accounts } from '../../db/tables/accounts';
import { auditEvents } from '../../db/tables/audit';
import { loadConfig } from '../../core/config';
import { demoAccounts } from '../demo/demo-accounts';
import { seedDemoWorld } from '../demo/seed-demo-world';
import { startServer, type RunningServer } from '../../server';
import { buildAccount, buildFamily } from '../../test/factories';
import { freshTotpCode, TEST_TOTP_SECRET } from '../../test/second-factor';
import { signInAs, startTestApp, type TestApp } from '../../test/test-app';
import { openTestDatabase } from '../../test/test-database';
import { recoveryCodes } from '../../db/tables/second-factor';
import { sessions } from '../../db/tables/sessions';

/** Some tests start an app of their own (a fresh database each), which takes seconds on a busy machine. */
jest.setTimeout(30_000);

let testApp: TestApp;

beforeAll(async () => {
  testApp = await startTestApp();
});
afterAll(() => testApp.close());

type Account = Awaited<ReturnType<typeof buildAccount>>;

/** Signs in with the password only: the session then waits for the second factor. */
async function signInPending(app: TestApp['app'], account: { email: string; password: string }) {
  const agent = request.agent(app);
  const response = await agent.post('/api/auth/login').send({ email: account.email, password: account.password }).expect(200);
  return { agent, user: currentUserSchema.parse(response.body) };
}

function secondFactorEvents(account: Account) {
  return testApp.database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.resource, 'second-factor'), eq(auditEvents.resourceId, account.id)))
    .orderBy(auditEvents.id);
}

/** A six-digit code that is not the current one (nor one step either side). */
function wrongCode(secret: string): string {
  const near = new Set(
    [-30_000, 0, 30_000].map((offset) => authenticator.clone({ epoch: Date.now() + offset }).generate(secret)),
  );
  for (let n = 0; ; n += 1) {
    const candidate = String(n).padStart(6, '0');
    if (!near.has(candidate)) return candidate;
  }
}

describe('the second factor gate', () => {
  it('when a professional signs in with the password, then only who-am-I, sign-out and the second-factor routes answer', async () => {
    const coordinator = await buildAccount(testApp.database.db, { role: 'coordinator' });
    const family = await buildFamily(testApp.database.db, { coordinatorId: coordinator.id });
    const { agent, user } = await signInPending(testApp.app, coordinator);
    expect(user.secondFactor).toBe('required');

    expect((await agent.get('/api/auth/me').expect(200)).body.secondFactor).toBe('required');
    for (const [method, path] of [
      ['get', '/api/families'],
      ['get', `/api/families/${family.id}/plan`],
      ['get', `/api/families/${family.id}/consents`],
      ['post', '/api/auth/logout-everywhere'],
      ['post', '/api/invitations'],
    ] as const) {
      const response = await agent[method](path).send({});
      expect({ path, status: response.status, code: response.body.code }).toEqual({
        path,
        status: 401,
        code: 'second_factor_required',
      });
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    }

    const code = await freshTotpCode(testApp.database.db, coordinator.email);
    const verified = await agent.post('/api/auth/second-factor/verify').send({ code }).expect(200);
    expect(verified.body).toMatchObject({ id: coordinator.id, secondFactor: 'done' });
    await agent.get('/api/families').expect(200);
    await agent.get(`/api/families/${family.id}/plan`).expect(200);
  });

  it('when an admin or manager has not passed the second factor, then their routes refuse too', async () => {
    for (const role of ['admin', 'manager'] as const) {
      const { agent } = await signInPending(testApp.app, await buildAccount(testApp.database.db, { role }));
      const response = await agent
        .get('/api/audit/export')
        .query({ from: new Date(0).toISOString(), to: new Date().toISOString() });
      expect(response.status).toBe(401);
      expect(response.body.code).toBe('second_factor_required');
    }
  });

  it('when a waiting session calls a public route, then it is served as someone not signed in', async () => {
    const { agent } = await signInPending(testApp.app, await buildAccount(testApp.database.db, { role: 'worker' }));
    expect((await agent.get('/api/invitations/no-such-token')).body.code).toBe('not_found');
    await agent.post('/api/auth/logout').expect(204);
    await agent.get('/api/auth/me').expect(401);
  });

  it('when a family member signs in, then no second factor is asked and the second-factor routes are not theirs', async () => {
    const guardian = await buildAccount(testApp.database.db, { role: 'family' });
    const { agent, user } = await signInPending(testApp.app, guardian);
    expect(user.secondFactor).toBe('done');
    await agent.get('/api/families').expect(200);
    await agent.post('/api/auth/second-factor/enrol').expect(404);
    await agent.post('/api/auth/second-factor/verify').send({ code: '123456' }).expect(404);
  });
});

describe('verifying a code', () => {
  it('when the code is wrong, then 401 invalid_second_factor, the session keeps waiting, and the attempt is audited', async () => {
    const worker = await buildAccount(testApp.database.db, { role: 'worker' });
    const { agent } = await signInPending(testApp.app, worker);
    const [row] = await testApp.database.db.select().from(accounts).where(eq(accounts.id, worker.id));
    const response = await agent.post('/api/auth/second-factor/verify').send({ code: wrongCode(row!.totpSecret!) });
    expect(response.status).toBe(401);
    expect(response.body.code).toBe('invalid_second_factor');
    await agent.get('/api/families').expect(401);

    const events = await secondFactorEvents(worker);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ chain: 'system', action: 'sign-in', outcome: 'denied', basis: 'wrong code' });
  });

  it('when a code is used a second time, then it is refused although it is still current', async () => {
    const coordinator = await buildAccount(testApp.database.db, { role: 'coordinator' });
    const code = await freshTotpCode(testApp.database.db, coordinator.email);
    const first = await signInPending(testApp.app, coordinator);
    await first.agent.post('/api/auth/second-factor/verify').send({ code }).expect(200);

    const second = await signInPending(testApp.app, coordinator);
    const replay = await second.agent.post('/api/auth/second-factor/verify').send({ code });
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('invalid_second_factor');
    await second.agent.get('/api/families').expect(401);
    expect((await secondFactorEvents(coordinator)).map((event) => [event.outcome, event.basis])).toEqual([
      ['allowed', 'authenticator code'],
      ['denied', 'reused code'],
    ]);
  });

  it('when five wrong codes are entered, then the session ends, the second factor locks, and the lock is audited', async () => {
    const manager = await buildAccount(testApp.database.db, { role: 'manager' });
    const { agent } = await signInPending(testApp.app, manager);
    const codes: string[] = [];
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const response = await agent.post('/api/auth/second-factor/verify').send({ code: wrongCode(TEST_TOTP_SECRET) });
      codes.push(response.body.code);
    }
    expect(codes).toEqual([...Array(4).fill('invalid_second_factor'), 'unauthenticated']);
    expect((await agent.get('/api/auth/me')).body.code).toBe('unauthenticated');
    const [session] = await testApp.database.db.select().from(sessions).where(eq(sessions.accountId, manager.id));
    expect(session!.endedAt).not.toBeNull();
    const [row] = await testApp.database.db.select().from(accounts).where(eq(accounts.id, manager.id));
    const lockMinutes = (row!.secondFactorLockedUntil!.getTime() - Date.now()) / 60_000;
    expect(lockMinutes).toBeGreaterThan(14);
    expect(lockMinutes).toBeLessThanOrEqual(15);

    const events = await testApp.database.db.select().from(auditEvents).where(eq(auditEvents.resourceId, manager.id));
    expect(events.filter((event) => event.resource === 'second-factor' && event.outcome === 'denied')).toHaveLength(5);
    expect(events.filter((event) => event.basis === 'second factor locked after 5 wrong codes')).toHaveLength(1);
    expect(events.filter((event) => event.basis === 'too many wrong second-factor codes')).toHaveLength(1);
  });

  it('when an attacker with the password guesses codes over many sign-ins, then the count survives each sign-in, the lock holds even for the right code, and it doubles', async () => {
    const worker = await buildAccount(testApp.database.db, { role: 'worker' });
    const wrongAnswers: string[] = [];
    // The attack as the security test ran it: 24 wrong codes over 6 sign-ins.
    for (let signIn = 0; signIn < 6; signIn += 1) {
      const { agent } = await signInPending(testApp.app, worker);
      for (let guess = 0; guess < 4; guess += 1)
        wrongAnswers.push(
          (await agent.post('/api/auth/second-factor/verify').send({ code: wrongCode(TEST_TOTP_SECRET) })).body.code,
        );
    }
    expect(wrongAnswers.filter((code) => code === 'unauthenticated').length).toBeGreaterThan(0);

    const { agent } = await signInPending(testApp.app, worker);
    const right = await agent
      .post('/api/auth/second-factor/verify')
      .send({ code: await freshTotpCode(testApp.database.db, worker.email) });
    expect(right.status).toBe(401);
    expect(right.body.code).toBe('unauthenticated');
    expect((await agent.get('/api/families')).status).toBe(401);

    const [row] = await testApp.database.db.select().from(accounts).where(eq(accounts.id, worker.id));
    // Guesses while locked are refused without being counted: the lock neither grows nor lifts.
    expect(row!.secondFactorFailureCount).toBe(5);
    const lockedAttempts = await testApp.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.resourceId, worker.id), eq(auditEvents.basis, 'second factor locked')));
    expect(lockedAttempts.length).toBeGreaterThan(0);

    // When the lock has passed, five more wrong codes lock it for twice as long.
    const expireLock = () =>
      testApp.database.db
        .update(accounts)
        .set({ secondFactorLockedUntil: new Date(Date.now() - 1000) })
        .where(eq(accounts.id, worker.id));
    await expireLock();
    const again = await signInPending(testApp.app, worker);
    for (let guess = 0; guess < 5; guess += 1)
      await again.agent.post('/api/auth/second-factor/verify').send({ code: wrongCode(TEST_TOTP_SECRET) });
    const [doubled] = await testApp.database.db.select().from(accounts).where(eq(accounts.id, worker.id));
    expect(doubled!.secondFactorFailureCount).toBe(10);
    expect((doubled!.secondFactorLockedUntil!.getTime() - Date.now()) / 60_000).toBeGreaterThan(29);
    const locks = await testApp.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.resourceId, worker.id), eq(auditEvents.resource, 'account')));
    expect(locks.map((event) => event.basis)).toEqual([5, 10].map((n) => `second factor locked after ${n} wrong codes`));

    // Once the lock has passed, the right code lets them in and the count starts again.
    await expireLock();
    const later = await signInPending(testApp.app, worker);
    await later.agent
      .post('/api/auth/second-factor/verify')
      .send({ code: await freshTotpCode(testApp.database.db, worker.email) })
      .expect(200);
    const [after] = await testApp.database.db.select().from(accounts).where(eq(accounts.id, worker.id));
    expect(after!.secondFactorFailureCount).toBe(0);
  });

  it('when the code is not six digits, then 400 names the field and nothing is counted', async () => {
    const admin = await buildAccount(testApp.database.db, { role: 'admin' });
    const { agent } = await signInPending(testApp.app, admin);
    const response = await agent.post('/api/auth/second-factor/verify').send({ code: 'abc' });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('validation_failed');
    expect(response.body.errors.length).toBeGreaterThan(0);
    const [row] = await testApp.database.db.select().from(accounts).where(eq(accounts.id, admin.id));
    expect(row!.secondFactorFailureCount).toBe(0);
  });
});

describe('setting up the authenticator', () => {
  it('when a professional without one signs in, then they enrol, confirm with a code, and get ten single-use recovery codes', async () => {
    const worker = await buildAccount(testApp.database.db, { role: 'worker', secondFactor: false });
    const { agent, user } = await signInPending(testApp.app, worker);
    expect(user.secondFactor).toBe('enrol');
    expect((await agent.get('/api/families')).body.code).toBe('second_factor_required');
    await agent.post('/api/auth/second-factor/verify').send({ code: '123456' }).expect(403);

    const enrolment = secondFactorEnrolmentSchema.parse((await agent.post('/api/auth/second-factor/enrol').expect(200)).body);
    expect(enrolment.otpauthUri).toMatch(/^otpauth:\/\/totp\//);
    expect(enrolment.otpauthUri).toContain(`secret=${enrolment.secret}`);
    expect(enrolment.otpauthUri).toContain('issuer=Yhdess%C3%A4');
    // Not in force until confirmed.
    const [pending] = await testApp.database.db.select().from(accounts).where(eq(accounts.id, worker.id));
    expect(pending!.totpEnabledAt).toBeNull();
    await agent.get('/api/families').expect(401);

    const confirmed = await agent
      .post('/api/auth/second-factor/confirm')
      .send({ code: authenticator.generate(enrolment.secret) })
      .expect(200);
    const { recoveryCodes: codes } = recoveryCodesSchema.parse(confirmed.body);
    expect(new Set(codes).size).toBe(10);
    await agent.get('/api/families').expect(200);
    expect((await agent.get('/api/auth/me')).body.secondFactor).toBe('done');
    await agent.post('/api/auth/second-factor/enrol').expect(403);

    const stored = await testApp.database.db.select().from(recoveryCodes).where(eq(recoveryCodes.accountId, worker.id));
    expect(stored).toHaveLength(10);
    for (const row of stored) expect(codes.join(' ')).not.toContain(row.codeHash);
    expect(stored.map((row) => row.codeHash)).toContain(createHash('sha256').update(codes[0]!.replace('-', '')).digest('hex'));

    // A recovery code signs in once.
    const next = await signInPending(testApp.app, worker);
    expect(next.user.secondFactor).toBe('required');
    await next.agent.post('/api/auth/second-factor/verify').send({ recoveryCode: codes[0] }).expect(200);
    await next.agent.get('/api/families').expect(200);
    const reuse = await signInPending(testApp.app, worker);
    const refused = await reuse.agent.post('/api/auth/second-factor/verify').send({ recoveryCode: codes[0] });
    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe('invalid_second_factor');
    await reuse.agent.post('/api/auth/second-factor/verify').send({ recoveryCode: codes[1]!.toUpperCase() }).expect(200);

    const used = await testApp.database.db.select().from(recoveryCodes).where(eq(recoveryCodes.accountId, worker.id));
    expect(used.filter((row) => row.usedAt !== null)).toHaveLength(2);
    expect((await secondFactorEvents(worker)).map((event) => [event.action, event.outcome, event.basis])).toEqual([
      ['update', 'allowed', 'own account'],
      ['sign-in', 'allowed', 'authenticator set up'],
      ['sign-in', 'allowed', 'recovery code'],
      ['sign-in', 'denied', 'wrong or used recovery code'],
      ['sign-in', 'allowed', 'recovery code'],
    ]);
  });

  it('when the confirming code is wrong, then the second factor stays off and the session keeps waiting', async () => {
    const coordinator = await buildAccount(testApp.database.db, { role: 'coordinator', secondFactor: false });
    const { agent } = await signInPending(testApp.app, coordinator);
    const { secret } = (await agent.post('/api/auth/second-factor/enrol').expect(200)).body;
    const response = await agent.post('/api/auth/second-factor/confirm').send({ code: wrongCode(secret) });
    expect(response.body.code).toBe('invalid_second_factor');
    const [row] = await testApp.database.db.select().from(accounts).where(eq(accounts.id, coordinator.id));
    expect(row!.totpEnabledAt).toBeNull();
    await agent.get('/api/families').expect(401);
  });
});

describe('demo accounts', () => {
  it('when demo mode is on, then demo professionals skip the second factor, and other professionals do not', async () => {
    const demoApp = await startTestApp({ DEMO: '1' });
    try {
      await seedDemoWorld(demoApp.database.db);
      const demo = await signInPending(demoApp.app, demoAccounts.coordinator);
      expect(demo.user.secondFactor).toBe('done');
      await demo.agent.get('/api/families').expect(200);

      const other = await signInPending(demoApp.app, await buildAccount(demoApp.database.db, { role: 'coordinator' }));
      expect(other.user.secondFactor).toBe('required');
      await other.agent.get('/api/families').expect(401);
    } finally {
      await demoApp.close();
    }
  });

  it('when demo mode is off, then the demo accounts, whose passwords are published, cannot sign in at all', async () => {
    await seedDemoWorld(testApp.database.db);
    for (const demo of [demoAccounts.coordinator, demoAccounts.admin, demoAccounts.guardian]) {
      const response = await request(testApp.app).post('/api/auth/login').send({ email: demo.email, password: demo.password });
      expect(response.status).toBe(401);
      expect(response.body.code).toBe('invalid_credentials');
    }
  });
});

describe('live connections', () => {
  let server: RunningServer;
  let baseUrl: string;
  let serverDatabase: Awaited<ReturnType<typeof openTestDatabase>>;

  beforeAll(async () => {
    serverDatabase = await openTestDatabase();
    const config = loadConfig({ NODE_ENV: 'test', PORT: '0', WEB_DIST: '/nonexistent' });
    server = await startServer(config, pino({ level: 'silent' }), serverDatabase);
    baseUrl = `http://127.0.0.1:${server.port}`;
  });
  afterAll(() => server.stop());

  function tryConnect(cookie: string): Promise<string> {
    const socket = connect(baseUrl, { transports: ['websocket'], extraHeaders: { cookie }, reconnection: false });
    return new Promise<string>((resolve) => {
      socket.once('connect', () => resolve('connected'));
      socket.once('connect_error', (error) => resolve(error.message));
    }).finally(() => socket.disconnect());
  }

  it('when a session waits for its second factor, then its socket is refused until the factor is passed', async () => {
    const worker = await buildAccount(serverDatabase.db, { role: 'worker' });
    const login = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: worker.email, password: worker.password }),
    });
    const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
    expect(await tryConnect(cookie)).toBe('second_factor_required');

    const verified = await fetch(`${baseUrl}/api/auth/second-factor/verify`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ code: await freshTotpCode(serverDatabase.db, worker.email) }),
    });
    expect(verified.status).toBe(200);
    expect(await tryConnect(cookie)).toBe('connected');
  });
});

describe('test sign-in', () => {
  it('when tests sign a professional in twice within one time step, then both sessions pass', async () => {
    const coordinator = await buildAccount(testApp.database.db, { role: 'coordinator' });
    await (await signInAs(testApp.app, coordinator)).get('/api/families').expect(200);
    await (await signInAs(testApp.app, coordinator)).get('/api/families').expect(200);
  });
});
