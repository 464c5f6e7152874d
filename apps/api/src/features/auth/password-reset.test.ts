import { createHash } from 'node:crypto';
import { invitationDetailsSchema } from '@yhdessa/shared';
import { and, desc, eq } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import request from 'supertest';
import { accounts } from '../../db/tables/accounts';
import { verifyPassword } from '../accounts/passwords';
import { auditEvents } from '../../db/tables/audit';
import { invitations } from '../../db/tables/invitations';
import { SENT_BODY_MARKER } from '../../mail/mail-outbox.repository';
import { mailOutbox } from '../../db/tables/mail-outbox';
import { buildAccount, TEST_PASSWORD } from '../../test/factories';
import { signInAs, startTestApp, type TestApp } from '../../test/test-app';
import { RESET_ANSWER_MIN_MS } from './password-reset.service';

jest.setTimeout(30_000);

const NEW_PASSWORD = 'Kahvikuppi-Sininen-42';

let testApp: TestApp;
beforeAll(async () => {
  testApp = await startTestApp();
});
afterAll(() => testApp.close());

const db = () => testApp.database.db;

async function mailsTo(email: string) {
  return db().select().from(mailOutbox).where(eq(mailOutbox.to, email)).orderBy(desc(mailOutbox.createdAt));
}

async function requestReset(email: string) {
  const started = Date.now();
  const response = await request(testApp.app).post('/api/auth/password-reset').send({ email });
  return { response, took: Date.now() - started };
}

async function resetLinkFor(email: string): Promise<string> {
  await requestReset(email);
  const [mail] = await mailsTo(email);
  const match = /http:\/\/localhost:3000\/kutsu\/([A-Za-z0-9_-]+)/.exec(mail?.body ?? '');
  if (!match) throw new Error(`no reset link mailed to ${email}`);
  return match[1]!;
}

async function accountRow(id: string) {
  const [row] = await db().select().from(accounts).where(eq(accounts.id, id));
  return row!;
}

describe('asking for a reset link', () => {
  it('when the address has an account or not, then the answer is the same 204, neither comes before the least time, and only the account gets mail', async () => {
    const account = await buildAccount(db(), { role: 'worker', name: 'Riikka Resetoija' });
    const known = await requestReset(account.email.toUpperCase());
    const unknown = await requestReset('nobody-here@test.example');

    for (const { response, took } of [known, unknown]) {
      expect(response.status).toBe(204);
      expect(response.text).toBe('');
      expect(response.headers['set-cookie']).toBeUndefined();
      expect(took).toBeGreaterThanOrEqual(RESET_ANSWER_MIN_MS - 5);
    }
    // No upper bound: on a loaded machine either answer may come late (speed is for benchmarks, not tests).
    const [mail] = await mailsTo(account.email);
    expect(mail!.subject).toMatch(/salasana/i);
    expect(mail!.body).toContain('Riikka Resetoija');
    expect(mail!.body).toMatch(/Aseta uusi salasana[\s\S]*Välj ett nytt lösenord[\s\S]*Set a new password/);
    expect(await mailsTo('nobody-here@test.example')).toHaveLength(0);
  });

  it('when a link is made, then only its SHA-256 is stored, it is a password-reset valid for an hour, and a newer link voids it', async () => {
    const account = await buildAccount(db(), { role: 'family' });
    const first = await resetLinkFor(account.email);
    const second = await resetLinkFor(account.email);

    const rows = await db().select().from(invitations).where(eq(invitations.accountId, account.id));
    expect(JSON.stringify(rows)).not.toContain(first);
    expect(JSON.stringify(rows)).not.toContain(second);
    const newest = rows.find((row) => row.tokenHash === createHash('sha256').update(second).digest('hex'))!;
    expect(newest.kind).toBe('password-reset');
    const validFor = newest.expiresAt.getTime() - newest.createdAt.getTime();
    expect(validFor).toBeGreaterThan(59 * 60_000);
    expect(validFor).toBeLessThanOrEqual(60 * 60_000 + 1_000);

    const details = invitationDetailsSchema.parse((await request(testApp.app).get(`/api/invitations/${first}`).expect(200)).body);
    expect(details).toMatchObject({ kind: 'password-reset', state: 'expired' });
    await request(testApp.app).post(`/api/invitations/${first}/accept`).send({ password: NEW_PASSWORD }).expect(410);
    expect((await request(testApp.app).get(`/api/invitations/${second}`).expect(200)).body.state).toBe('open');
  });

  it('when the account is a demo login, disabled, or has no password yet, then no link is made and the answer is the same', async () => {
    const demo = await buildAccount(db(), { role: 'family' });
    await db().update(accounts).set({ isDemo: true }).where(eq(accounts.id, demo.id));
    const disabled = await buildAccount(db(), { role: 'worker' });
    await db().update(accounts).set({ disabledAt: new Date() }).where(eq(accounts.id, disabled.id));
    const invited = await buildAccount(db(), { role: 'family' });
    await db().update(accounts).set({ passwordHash: null }).where(eq(accounts.id, invited.id));

    for (const account of [demo, disabled, invited]) {
      const { response } = await requestReset(account.email);
      expect(response.status).toBe(204);
      expect(await mailsTo(account.email)).toHaveLength(0);
      expect(await db().select().from(invitations).where(eq(invitations.accountId, account.id))).toHaveLength(0);
    }
  });

  it('when SMTP is configured, then the link is sent after the answer and the outbox keeps no copy of it', async () => {
    const transport = nodemailer.createTransport({ jsonTransport: true });
    const sent: string[] = [];
    transport.use('compile', (mail, done) => {
      sent.push(String(mail.data.text));
      done();
    });
    const smtpApp = await startTestApp({}, { mailTransport: transport, database: testApp.database });
    try {
      const account = await buildAccount(smtpApp.database.db, { role: 'family' });
      await request(smtpApp.app).post('/api/auth/password-reset').send({ email: account.email }).expect(204);
      const outbox = () => smtpApp.database.db.select().from(mailOutbox).where(eq(mailOutbox.to, account.email));
      for (let wait = 0; wait < 50 && (await outbox())[0]?.sentAt == null; wait += 1)
        await new Promise((resolve) => setTimeout(resolve, 100));

      expect(sent).toHaveLength(1);
      expect(sent[0]).toContain('http://localhost:3000/kutsu/');
      const [row] = await outbox();
      expect(row).toMatchObject({ body: SENT_BODY_MARKER });
      expect(row!.sentAt).not.toBeNull();
    } finally {
      await smtpApp.close();
    }
  });

  it('when the address is not an email, then 400 names it', async () => {
    const response = await request(testApp.app).post('/api/auth/password-reset').send({ email: 'not an address' });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'validation_failed', errors: [{ path: 'body.email' }] });
  });

  it('when one place asks too often, then it is rate limited like signing in', async () => {
    const limitedApp = await startTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '2' }, { database: testApp.database });
    try {
      const ask = () => request(limitedApp.app).post('/api/auth/password-reset').send({ email: 'someone@test.example' });
      await ask().expect(204);
      await ask().expect(204);
      const limited = await ask();
      expect(limited.status).toBe(429);
      expect(limited.body.code).toBe('rate_limited');
    } finally {
      await limitedApp.close();
    }
  });
});

describe('using a reset link', () => {
  it('when a good password is set, then it works, the lock lifts, every session ends, the second factor stays, and it is audited', async () => {
    const account = await buildAccount(db(), { role: 'coordinator', name: 'Lauri Lukittu' });
    const session = await signInAs(testApp.app, account);
    await db()
      .update(accounts)
      .set({ failedLoginCount: 5, lockedUntil: new Date(Date.now() + 15 * 60_000) })
      .where(eq(accounts.id, account.id));
    const before = await accountRow(account.id);
    const token = await resetLinkFor(account.email);

    await request(testApp.app).post(`/api/invitations/${token}/accept`).send({ password: NEW_PASSWORD }).expect(204);

    await session.get('/api/auth/me').expect(401);
    const after = await accountRow(account.id);
    expect(after).toMatchObject({ failedLoginCount: 0, lockedUntil: null, totpSecret: before.totpSecret });
    expect(after.totpEnabledAt).toEqual(before.totpEnabledAt);
    expect(await verifyPassword(after.passwordHash, NEW_PASSWORD)).toBe(true);
    const login = await request(testApp.app).post('/api/auth/login').send({ email: account.email, password: NEW_PASSWORD });
    expect(login.status).toBe(200);
    expect(login.body.secondFactor).toBe('required');
    await request(testApp.app).post(`/api/invitations/${token}/accept`).send({ password: 'Toinen-Kahvikuppi-43' }).expect(410);

    const audited = await db().select().from(auditEvents).where(eq(auditEvents.resourceId, account.id));
    expect(audited.map((event) => `${event.action} ${event.resource} ${event.basis}`)).toContain(
      'sign-out session password reset: every session',
    );
    const accepted = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.resource, 'invitation'), eq(auditEvents.action, 'update'), eq(auditEvents.outcome, 'allowed')));
    expect(accepted.some((event) => event.detail?.accountId === account.id && event.detail?.kind === 'password-reset')).toBe(
      true,
    );
    expect(JSON.stringify(audited)).not.toContain(token);
  });

  it('when the new password is common or like the name, then 400 names it and the link and the old password still work', async () => {
    const account = await buildAccount(db(), { role: 'family', name: 'Sanna Salasana' });
    const token = await resetLinkFor(account.email);
    for (const password of ['password1234', 'SannaSalasana1']) {
      const response = await request(testApp.app).post(`/api/invitations/${token}/accept`).send({ password });
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ code: 'validation_failed', errors: [{ path: 'body.password' }] });
    }
    expect(await verifyPassword((await accountRow(account.id)).passwordHash, TEST_PASSWORD)).toBe(true);
    await request(testApp.app).post(`/api/invitations/${token}/accept`).send({ password: NEW_PASSWORD }).expect(204);
  });

  it('when the account was disabled after the link was sent, then the link sets nothing', async () => {
    const account = await buildAccount(db(), { role: 'worker' });
    const token = await resetLinkFor(account.email);
    await db().update(accounts).set({ disabledAt: new Date() }).where(eq(accounts.id, account.id));
    await request(testApp.app).post(`/api/invitations/${token}/accept`).send({ password: NEW_PASSWORD }).expect(410);
    expect(await verifyPassword((await accountRow(account.id)).passwordHash, TEST_PASSWORD)).toBe(true);
  });
});
