import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { desc, eq } from 'drizzle-orm';
import { authenticator } from 'otplib';
import request from 'supertest';
import { createLogger } from '../core/logger';
import { mailOutbox } from '../db/tables/mail-outbox';
import { SESSION_COOKIE } from '../features/auth/session-token';
import { buildAccount, buildOrganisation, buildService, TEST_PASSWORD } from '../test/factories';
import { freshTotpCode, TEST_TOTP_SECRET } from '../test/second-factor';
import { startTestApp, type TestApp } from '../test/test-app';

jest.setTimeout(60_000);

/** A built web client of two files, so links opened in a browser (`/kutsu/<token>`) are served and logged too. */
const webDist = fs.mkdtempSync(path.join(os.tmpdir(), 'yhdessa-log-secrets-'));
fs.mkdirSync(path.join(webDist, 'assets'));
fs.writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><title>Yhdessä</title>');
fs.writeFileSync(path.join(webDist, 'assets', 'app.js'), 'console.log("app")');
afterAll(() => fs.rmSync(webDist, { recursive: true, force: true }));

const WRONG_PASSWORD = 'Vaara-Salasana-7731';
const MALFORMED_BODY_PASSWORD = 'Rikki-Json-Salasana-5510';
const SHORT_PASSWORD = 'Lyh-4417';
const WORKER_PASSWORD = 'Kutsun-Kautta-Asetettu-2208';
const CHANGED_PASSWORD = 'Itse-Vaihdettu-Salasana-6402';
const RESET_PASSWORD = 'Linkilla-Palautettu-9316';

/** The value of the session cookie a response sets. */
function sessionTokenOf(response: request.Response): string {
  const setCookie = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
  const cookie = setCookie.find((line) => line.startsWith(`${SESSION_COOKIE}=`));
  if (!cookie) throw new Error(`no session cookie in ${response.status} ${response.text}`);
  return cookie.split(';', 1)[0]!.slice(SESSION_COOKIE.length + 1);
}

async function linkTokenMailedTo(testApp: TestApp, email: string): Promise<string> {
  const [mail] = await testApp.database.db
    .select()
    .from(mailOutbox)
    .where(eq(mailOutbox.to, email))
    .orderBy(desc(mailOutbox.createdAt))
    .limit(1);
  const match = /\/kutsu\/([A-Za-z0-9_-]+)/.exec(mail?.body ?? '');
  if (!match) throw new Error(`no link mailed to ${email}`);
  return match[1]!;
}

/** Whatever a browser would send with a page that a mailed link opened, and the calls the page makes. */
async function openMailedLink(testApp: TestApp, token: string) {
  const referer = `http://localhost:3000/kutsu/${token}`;
  await request(testApp.app).get(`/kutsu/${token}?utm_source=mail`).expect(200);
  await request(testApp.app).get('/assets/app.js').set('Referer', referer).expect(200);
  await request(testApp.app).get(`/api/invitations/${token}`).set('Referer', referer).expect(200);
}

/**
 * Signs in, works, invites, accepts, enrols, changes and resets passwords and signs out, with a few
 * mistakes on the way; returns every secret that went over the wire.
 */
async function runFlows(testApp: TestApp) {
  const db = testApp.database.db;
  const organisation = await buildOrganisation(db);
  const service = await buildService(db, organisation.id, 'Perhetyö');
  const admin = await buildAccount(db, { role: 'admin', organisationId: organisation.id });
  const secrets: string[] = [TEST_PASSWORD, WRONG_PASSWORD, MALFORMED_BODY_PASSWORD, TEST_TOTP_SECRET];

  await request(testApp.app).post('/api/auth/login').send({ email: admin.email, password: WRONG_PASSWORD }).expect(401);
  await request(testApp.app)
    .post('/api/auth/login')
    .set('Content-Type', 'application/json')
    .send(`{"email":"${admin.email}","password":"${MALFORMED_BODY_PASSWORD}"`)
    .expect(400);

  const adminAgent = request.agent(testApp.app);
  const adminLogin = await adminAgent.post('/api/auth/login').send({ email: admin.email, password: TEST_PASSWORD }).expect(200);
  const adminSession = sessionTokenOf(adminLogin);
  secrets.push(adminSession);
  await adminAgent
    .post('/api/auth/second-factor/verify')
    .send({ code: await freshTotpCode(db, admin.email) })
    .expect(200);
  // A client that also sends the token where it does not belong: a header and a query string.
  await adminAgent.get(`/api/auth/me?session=${adminSession}`).set('Authorization', `Bearer ${adminSession}`).expect(200);
  await adminAgent.get(`/api/no-such-route/${adminSession}`).expect(404);

  const workerEmail = `log-secrets-${Date.now()}@test.example`;
  await adminAgent
    .post('/api/invitations')
    .send({ kind: 'worker', email: workerEmail, name: 'Lokiton Työntekijä', serviceId: service.id })
    .expect(201);
  const invitationToken = await linkTokenMailedTo(testApp, workerEmail);
  secrets.push(invitationToken, SHORT_PASSWORD, WORKER_PASSWORD);
  await openMailedLink(testApp, invitationToken);
  await request(testApp.app).post(`/api/invitations/${invitationToken}/accept`).send({ password: SHORT_PASSWORD }).expect(400);
  await request(testApp.app).post(`/api/invitations/${invitationToken}/accept`).send({ password: WORKER_PASSWORD }).expect(204);
  await request(testApp.app).post(`/api/invitations/${invitationToken}/accept`).send({ password: WORKER_PASSWORD }).expect(410);

  const workerAgent = request.agent(testApp.app);
  const workerLogin = await workerAgent
    .post('/api/auth/login')
    .send({ email: workerEmail, password: WORKER_PASSWORD })
    .expect(200);
  secrets.push(sessionTokenOf(workerLogin));
  const enrolment = await workerAgent.post('/api/auth/second-factor/enrol').expect(200);
  const totpSecret = enrolment.body.secret as string;
  secrets.push(totpSecret);
  const confirmed = await workerAgent
    .post('/api/auth/second-factor/confirm')
    .send({ code: authenticator.generate(totpSecret) })
    .expect(200);
  secrets.push(...(confirmed.body.recoveryCodes as string[]));
  await workerAgent
    .post('/api/auth/password')
    .send({ currentPassword: WRONG_PASSWORD, newPassword: CHANGED_PASSWORD })
    .expect(400);
  await workerAgent
    .post('/api/auth/password')
    .send({ currentPassword: WORKER_PASSWORD, newPassword: CHANGED_PASSWORD })
    .expect(204);
  secrets.push(CHANGED_PASSWORD);

  await request(testApp.app).post('/api/auth/password-reset').send({ email: admin.email }).expect(204);
  const resetToken = await linkTokenMailedTo(testApp, admin.email);
  secrets.push(resetToken, RESET_PASSWORD);
  await openMailedLink(testApp, resetToken);
  await request(testApp.app).post(`/api/invitations/${resetToken}/accept`).send({ password: RESET_PASSWORD }).expect(204);

  await workerAgent.post('/api/auth/logout').expect(204);
  await workerAgent.get('/api/auth/me').expect(401);
  // The reset ended the administrator's sessions: the old cookie is refused.
  await request(testApp.app).get('/api/auth/me').set('Cookie', `${SESSION_COOKIE}=${adminSession}`).expect(401);

  return { secrets, adminId: admin.id };
}

describe.each(['json', 'pretty'] as const)('the %s log at its most verbose', (format) => {
  const written: string[] = [];
  let testApp: TestApp;
  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        written.push(chunk.toString());
        done();
      },
    });
    testApp = await startTestApp(
      { WEB_DIST: webDist },
      { logger: createLogger({ LOG_LEVEL: 'trace', LOG_FORMAT: format }, sink) },
    );
  });
  afterAll(() => testApp.close());

  it('when people sign in, work, accept an invitation, reset a password and make mistakes, then no line carries a password, a session token, a link token or an authenticator secret', async () => {
    const { secrets, adminId } = await runFlows(testApp);
    // The pretty printer hands lines on a turn of the event loop later.
    for (let turn = 0; turn < 3; turn += 1) await new Promise((resolve) => setImmediate(resolve));

    const log = written.join('');
    expect(written.length).toBeGreaterThan(25);
    expect(log).toContain('/api/invitations/:token/accept');
    expect(log).toContain('/kutsu/:token');
    expect(log).toContain('/assets/app.js');
    expect(log).toContain(adminId);
    expect(secrets.length).toBeGreaterThanOrEqual(20);
    for (const secret of secrets) {
      expect(log).not.toContain(secret);
      expect(log).not.toContain(encodeURIComponent(secret));
    }
  });
});
