import { currentUserSchema } from '@yhdessa/shared';
import { eq } from 'drizzle-orm';
import request from 'supertest';
import { accounts } from '../../db/tables/accounts';
import { auditEvents } from '../../db/tables/audit';
import { buildAccount, TEST_PASSWORD } from '../../test/factories';
import { signInAs, startTestApp, type TestApp } from '../../test/test-app';
import { sessions } from '../../db/tables/sessions';
import { SESSION_COOKIE } from './session-token';

let testApp: TestApp;

beforeAll(async () => {
  testApp = await startTestApp();
});
afterAll(() => testApp.close());

function sessionCookie(response: request.Response): string {
  const cookies = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
  const cookie = cookies.find((value) => value.startsWith(`${SESSION_COOKIE}=`));
  if (!cookie) throw new Error('no session cookie');
  return cookie;
}

describe('sign-in', () => {
  it('when the password is right, then an HttpOnly SameSite session cookie is set and /me answers the user', async () => {
    const account = await buildAccount(testApp.database.db, { role: 'coordinator' });
    const response = await request(testApp.app)
      .post('/api/auth/login')
      .send({ email: account.email.toUpperCase(), password: TEST_PASSWORD });
    expect(response.status).toBe(200);
    expect(currentUserSchema.parse(response.body)).toMatchObject({ id: account.id, role: 'coordinator' });

    const cookie = sessionCookie(response);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const token = cookie.split(';')[0]!.split('=')[1]!;
    expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(16);

    const me = await request(testApp.app).get('/api/auth/me').set('Cookie', cookie.split(';')[0]!);
    expect(me.body).toMatchObject({ id: account.id, email: account.email, role: 'coordinator' });
  });

  it('when the session table is read, then it holds only a hash of the token and the password is argon2id', async () => {
    const account = await buildAccount(testApp.database.db, { role: 'worker' });
    const response = await request(testApp.app).post('/api/auth/login').send({ email: account.email, password: TEST_PASSWORD });
    const token = sessionCookie(response).split(';')[0]!.split('=')[1]!;
    const rows = await testApp.database.db.select().from(sessions).where(eq(sessions.accountId, account.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.id).not.toContain(token);
    expect(rows[0]!.id).toMatch(/^[0-9a-f]{64}$/);
    expect(account.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it('when the password is wrong or the account unknown, then both get the same 401 problem', async () => {
    const account = await buildAccount(testApp.database.db, { role: 'worker' });
    const wrong = await request(testApp.app).post('/api/auth/login').send({ email: account.email, password: 'wrong password' });
    const unknown = await request(testApp.app)
      .post('/api/auth/login')
      .send({ email: 'nobody@test.example', password: 'wrong password' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.headers['set-cookie']).toBeUndefined();
  });

  it('when the password fails five times, then the account is locked even for the right password, and failures are audited', async () => {
    const account = await buildAccount(testApp.database.db, { role: 'coordinator' });
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await request(testApp.app)
        .post('/api/auth/login')
        .send({ email: account.email, password: 'guess' + attempt })
        .expect(401);
    }
    const locked = await request(testApp.app).post('/api/auth/login').send({ email: account.email, password: TEST_PASSWORD });
    expect(locked.status).toBe(401);
    expect(locked.body.code).toBe('invalid_credentials');

    const [row] = await testApp.database.db.select().from(accounts).where(eq(accounts.id, account.id));
    expect(row!.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
    const denied = await testApp.database.db.select().from(auditEvents).where(eq(auditEvents.resourceId, account.id));
    expect(denied.filter((event) => event.outcome === 'denied')).toHaveLength(6);
  });

  it('when the account is disabled, then sign-in fails and an open session stops working', async () => {
    const account = await buildAccount(testApp.database.db, { role: 'worker' });
    const agent = await signInAs(testApp.app, account);
    await testApp.database.db.update(accounts).set({ disabledAt: new Date() }).where(eq(accounts.id, account.id));
    await agent.get('/api/auth/me').expect(401);
    await request(testApp.app).post('/api/auth/login').send({ email: account.email, password: TEST_PASSWORD }).expect(401);
  });

  it('when the body is not valid, then a 400 problem lists the fields', async () => {
    const response = await request(testApp.app)
      .post('/api/auth/login')
      .send({ email: 'not-an-email', password: '', extra: true });
    expect(response.status).toBe(400);
    expect(response.body.errors.map((error: { path: string }) => error.path).sort()).toEqual([
      'body',
      'body.email',
      'body.password',
    ]);
  });
});

describe('sessions', () => {
  it('when signing in again, then the old session id is ended (rotation)', async () => {
    const account = await buildAccount(testApp.database.db, { role: 'coordinator' });
    const first = sessionCookie(
      await request(testApp.app).post('/api/auth/login').send({ email: account.email, password: TEST_PASSWORD }),
    );
    const firstPair = first.split(';')[0]!;
    const second = await request(testApp.app)
      .post('/api/auth/login')
      .set('Cookie', firstPair)
      .send({ email: account.email, password: TEST_PASSWORD });
    expect(sessionCookie(second).split(';')[0]).not.toBe(firstPair);
    await request(testApp.app).get('/api/auth/me').set('Cookie', firstPair).expect(401);
  });

  it('when signed out, then the copied cookie no longer works', async () => {
    const account = await buildAccount(testApp.database.db, { role: 'family' });
    const response = await request(testApp.app).post('/api/auth/login').send({ email: account.email, password: TEST_PASSWORD });
    const pair = sessionCookie(response).split(';')[0]!;
    await request(testApp.app).post('/api/auth/logout').set('Cookie', pair).expect(204);
    await request(testApp.app).get('/api/auth/me').set('Cookie', pair).expect(401);
  });

  it('when the session has been idle past the limit or passed its absolute expiry, then it is refused', async () => {
    const account = await buildAccount(testApp.database.db, { role: 'worker' });
    const idle = await signInAs(testApp.app, account);
    await testApp.database.db
      .update(sessions)
      .set({ lastSeenAt: new Date(Date.now() - 31 * 60_000) })
      .where(eq(sessions.accountId, account.id));
    await idle.get('/api/auth/me').expect(401);

    const expired = await signInAs(testApp.app, account);
    await testApp.database.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.accountId, account.id));
    await expired.get('/api/auth/me').expect(401);
  });

  it('when the cookie is garbage, then the caller is simply not signed in', async () => {
    await request(testApp.app).get('/api/auth/me').set('Cookie', `${SESSION_COOKIE}=garbage`).expect(401);
  });
});
