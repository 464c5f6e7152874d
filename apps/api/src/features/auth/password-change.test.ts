import { and, eq } from 'drizzle-orm';
import request from 'supertest';
import { accounts } from '../../db/tables/accounts';
import { verifyPassword } from '../accounts/passwords';
import { auditEvents } from '../../db/tables/audit';
import { buildAccount, TEST_PASSWORD } from '../../test/factories';
import { signInAs, startTestApp, type TestApp } from '../../test/test-app';
import { LOCK_AFTER_FAILURES } from './login.service';

jest.setTimeout(30_000);

const NEW_PASSWORD = 'Kahvikuppi-Sininen-42';

let testApp: TestApp;
beforeAll(async () => {
  testApp = await startTestApp();
});
afterAll(() => testApp.close());

async function accountRow(id: string) {
  const [row] = await testApp.database.db.select().from(accounts).where(eq(accounts.id, id));
  return row!;
}

describe('changing your password', () => {
  it('when the current password is right and the new one good, then it changes, other sessions end, this one stays, and it is audited', async () => {
    const account = await buildAccount(testApp.database.db, { role: 'worker', name: 'Veera Vaihtaja' });
    const here = await signInAs(testApp.app, account);
    const elsewhere = await signInAs(testApp.app, account);

    await here.post('/api/auth/password').send({ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD }).expect(204);

    await here.get('/api/auth/me').expect(200);
    await elsewhere.get('/api/auth/me').expect(401);
    expect(await verifyPassword((await accountRow(account.id)).passwordHash, NEW_PASSWORD)).toBe(true);
    await request(testApp.app).post('/api/auth/login').send({ email: account.email, password: TEST_PASSWORD }).expect(401);
    const [audited] = await testApp.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.resource, 'password'), eq(auditEvents.resourceId, account.id)));
    expect(audited).toMatchObject({ action: 'update', outcome: 'allowed', actorId: account.id });
    expect(JSON.stringify(audited)).not.toContain(NEW_PASSWORD);
  });

  it('when the current password is wrong, then 400 names it, nothing changes, and it counts as a failed sign-in', async () => {
    const account = await buildAccount(testApp.database.db, { role: 'family' });
    const agent = await signInAs(testApp.app, account);
    const before = (await accountRow(account.id)).passwordHash;

    const response = await agent
      .post('/api/auth/password')
      .send({ currentPassword: 'not my password', newPassword: NEW_PASSWORD });

    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ code: 'validation_failed', errors: [{ path: 'body.currentPassword' }] });
    const after = await accountRow(account.id);
    expect(after.passwordHash).toBe(before);
    expect(after.failedLoginCount).toBe(1);
    const denied = await testApp.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.resourceId, account.id), eq(auditEvents.outcome, 'denied')));
    expect(denied.map((event) => event.action)).toEqual(['sign-in']);
  });

  it('when wrong current passwords lock the account, then even the right one is refused with 429 until the lock ends', async () => {
    const account = await buildAccount(testApp.database.db, { role: 'family' });
    const agent = await signInAs(testApp.app, account);
    for (let attempt = 0; attempt < LOCK_AFTER_FAILURES; attempt += 1)
      await agent.post('/api/auth/password').send({ currentPassword: 'guess number x', newPassword: NEW_PASSWORD }).expect(400);

    const response = await agent.post('/api/auth/password').send({ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD });

    expect(response.status).toBe(429);
    expect(response.body.code).toBe('rate_limited');
    expect(await verifyPassword((await accountRow(account.id)).passwordHash, TEST_PASSWORD)).toBe(true);
  });

  it('when the new password is common or like the name, then 400 names the new password and the other sessions stay', async () => {
    const account = await buildAccount(testApp.database.db, { role: 'coordinator', name: 'Outi Ojala' });
    const here = await signInAs(testApp.app, account);
    const elsewhere = await signInAs(testApp.app, account);
    for (const newPassword of ['password1234', 'OutiOjala2024!']) {
      const response = await here.post('/api/auth/password').send({ currentPassword: TEST_PASSWORD, newPassword });
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ code: 'validation_failed', errors: [{ path: 'body.newPassword' }] });
    }
    await elsewhere.get('/api/auth/me').expect(200);
    expect(await verifyPassword((await accountRow(account.id)).passwordHash, TEST_PASSWORD)).toBe(true);
    expect((await accountRow(account.id)).failedLoginCount).toBe(0);
  });

  it('when the body is not valid, then 400 lists the fields at fault', async () => {
    const account = await buildAccount(testApp.database.db, { role: 'family' });
    const agent = await signInAs(testApp.app, account);
    const response = await agent.post('/api/auth/password').send({ currentPassword: '', newPassword: 'short', extra: 1 });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('validation_failed');
  });

  it('when no one is signed in, then 401; when the account is a demo login, then 403 and nothing changes', async () => {
    await request(testApp.app)
      .post('/api/auth/password')
      .send({ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD })
      .expect(401);
    // Demo logins sign in only while the server runs as a demo.
    const demoApp = await startTestApp({ DEMO: '1' }, { database: testApp.database });
    try {
      const account = await buildAccount(demoApp.database.db, { role: 'family' });
      await demoApp.database.db.update(accounts).set({ isDemo: true }).where(eq(accounts.id, account.id));
      const agent = await signInAs(demoApp.app, account);
      const response = await agent.post('/api/auth/password').send({ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD });
      expect(response.status).toBe(403);
      const [row] = await demoApp.database.db.select().from(accounts).where(eq(accounts.id, account.id));
      expect(await verifyPassword(row!.passwordHash, TEST_PASSWORD)).toBe(true);
    } finally {
      await demoApp.close();
    }
  });
});
