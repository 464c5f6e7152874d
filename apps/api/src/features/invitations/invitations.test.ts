import { Writable } from 'node:stream';
import { createdInvitationSchema, INVITATION_VALID_HOURS, invitationDetailsSchema, outboxMailSchema } from '@yhdessa/shared';
import { and, desc, eq } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { pino } from 'pino';
import request from 'supertest';
import { accounts, serviceMemberships } from '../../db/tables/accounts';
import { auditEvents } from '../../db/tables/audit';
import { familyMembers } from '../../db/tables/families';
import { createSmtpTransport } from '../../mail/mailer';
import { mailOutbox } from '../../db/tables/mail-outbox';
import { buildAccount, buildFamily, buildMember, buildOrganisation, buildService } from '../../test/factories';
import { TEST_TOTP_SECRET } from '../../test/second-factor';
import { signInAs, startTestApp, type TestApp } from '../../test/test-app';
import { invitationTokenHash } from './invitation-token';
import { invitations } from '../../db/tables/invitations';

/** Some tests start an app of their own (a fresh database each), which takes seconds on a busy machine. */
jest.setTimeout(30_000);

const NEW_PASSWORD = 'a quite long new password';

let testApp: TestApp;
/** Every log line the app writes, to show that no token reaches the logs. */
const logLines: string[] = [];

beforeAll(async () => {
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(chunk.toString());
      done();
    },
  });
  testApp = await startTestApp({}, { logger: pino({ level: 'info' }, sink) });
});
afterAll(() => testApp.close());

async function buildScene(app: TestApp = testApp) {
  const db = app.database.db;
  const organisation = await buildOrganisation(db);
  const service = await buildService(db, organisation.id, 'Perhetyö');
  const coordinator = await buildAccount(db, {
    role: 'coordinator',
    organisationId: organisation.id,
    name: 'Kaisa Koordinaattori',
  });
  const otherCoordinator = await buildAccount(db, { role: 'coordinator', organisationId: organisation.id });
  const admin = await buildAccount(db, { role: 'admin', organisationId: organisation.id, name: 'Aino Ylläpitäjä' });
  const family = await buildFamily(db, { coordinatorId: coordinator.id });
  const member = await buildMember(db, family.id, { name: 'Tiina Testinen', relation: 'guardian' });
  const otherFamily = await buildFamily(db, { coordinatorId: otherCoordinator.id });
  const otherMember = await buildMember(db, otherFamily.id, { name: 'Muu Jäsen' });
  return { organisation, service, coordinator, otherCoordinator, admin, family, member, otherFamily, otherMember };
}

let emailCounter = 0;
const newEmail = () => `invitee-${Date.now()}-${(emailCounter += 1)}@test.example`;

async function latestMailTo(email: string, app: TestApp = testApp) {
  const [mail] = await app.database.db
    .select()
    .from(mailOutbox)
    .where(eq(mailOutbox.to, email))
    .orderBy(desc(mailOutbox.createdAt))
    .limit(1);
  return mail!;
}

function tokenIn(body: string): string {
  const match = /http:\/\/localhost:3000\/kutsu\/([A-Za-z0-9_-]+)/.exec(body);
  if (!match) throw new Error(`no invitation link in: ${body}`);
  return match[1]!;
}

describe('inviting a worker', () => {
  it('when an administrator invites a new worker to a service of their organisation, then the mailed link sets the password once, and the worker signs in', async () => {
    const { service, admin } = await buildScene();
    const agent = await signInAs(testApp.app, admin);
    const email = newEmail();
    const created = await agent
      .post('/api/invitations')
      .send({ kind: 'worker', email, name: 'Ville Työntekijä', serviceId: service.id });
    expect(created.status).toBe(201);
    const { expiresAt } = createdInvitationSchema.strict().parse(created.body);
    const hours = (new Date(expiresAt).getTime() - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(INVITATION_VALID_HOURS - 0.1);
    expect(hours).toBeLessThanOrEqual(INVITATION_VALID_HOURS);

    const mail = await latestMailTo(email);
    expect(mail.subject).toContain('Kutsu');
    expect(mail.body).toContain('Hei Ville Työntekijä');
    expect(mail.body).toContain('Hello Ville Työntekijä');
    expect(mail.body).toContain('Perhetyö');
    expect(mail.sentAt).toBeNull();
    const token = tokenIn(mail.body);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    const [row] = await testApp.database.db
      .select()
      .from(invitations)
      .where(eq(invitations.tokenHash, invitationTokenHash(token)));
    expect(row).toBeDefined();
    expect(row!.tokenHash).not.toContain(token);

    const details = invitationDetailsSchema.parse((await request(testApp.app).get(`/api/invitations/${token}`).expect(200)).body);
    expect(details).toMatchObject({
      kind: 'worker',
      name: 'Ville Työntekijä',
      email,
      invitedBy: 'Aino Ylläpitäjä',
      state: 'open',
    });

    await request(testApp.app).post(`/api/invitations/${token}/accept`).send({ password: NEW_PASSWORD }).expect(204);
    const [account] = await testApp.database.db.select().from(accounts).where(eq(accounts.email, email));
    expect(account).toMatchObject({ role: 'worker', name: 'Ville Työntekijä' });
    expect(account!.passwordHash).toMatch(/^\$argon2id\$/);
    const memberships = await testApp.database.db
      .select()
      .from(serviceMemberships)
      .where(eq(serviceMemberships.accountId, account!.id));
    expect(memberships.map((membership) => membership.serviceId)).toEqual([service.id]);

    const login = await request(testApp.app).post('/api/auth/login').send({ email, password: NEW_PASSWORD });
    expect(login.status).toBe(200);
    expect(login.body).toMatchObject({ role: 'worker', serviceIds: [service.id], secondFactor: 'enrol' });

    const again = await request(testApp.app).post(`/api/invitations/${token}/accept`).send({ password: 'another long password' });
    expect(again.status).toBe(410);
    expect(again.body.code).toBe('invitation_expired');
    expect((await request(testApp.app).get(`/api/invitations/${token}`)).body.state).toBe('used');
  });

  it('when a worker, a family member or a manager tries to invite, then the route is not theirs', async () => {
    const { service } = await buildScene();
    for (const role of ['worker', 'family', 'manager'] as const) {
      const agent = await signInAs(testApp.app, await buildAccount(testApp.database.db, { role }));
      await agent
        .post('/api/invitations')
        .send({ kind: 'worker', email: newEmail(), name: 'X', serviceId: service.id })
        .expect(404);
    }
  });

  it('when a coordinator asks for a worker login, then 404, no account or membership is made, and the refusal is audited', async () => {
    const { service, coordinator } = await buildScene();
    const agent = await signInAs(testApp.app, coordinator);
    const email = newEmail();
    const response = await agent
      .post('/api/invitations')
      .send({ kind: 'worker', email, name: 'Kaappaaja', serviceId: service.id });
    expect(response.status).toBe(404);
    expect(await testApp.database.db.select().from(accounts).where(eq(accounts.email, email))).toEqual([]);
    expect(await testApp.database.db.select().from(mailOutbox).where(eq(mailOutbox.to, email))).toEqual([]);
    const refused = await testApp.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.actorId, coordinator.id), eq(auditEvents.resource, 'invitation')));
    expect(refused.map((event) => [event.outcome, event.basis])).toEqual([['denied', 'coordinator: may not invite a worker']]);
  });

  it('when an administrator of another organisation adds a worker to the service, then 404 and nothing is made', async () => {
    const { service } = await buildScene();
    const elsewhere = await buildOrganisation(testApp.database.db, 'Toinen kunta');
    const otherAdmin = await buildAccount(testApp.database.db, { role: 'admin', organisationId: elsewhere.id });
    const agent = await signInAs(testApp.app, otherAdmin);
    const email = newEmail();
    await agent.post('/api/invitations').send({ kind: 'worker', email, name: 'X', serviceId: service.id }).expect(404);
    expect(await testApp.database.db.select().from(accounts).where(eq(accounts.email, email))).toEqual([]);
  });

  it('when the address has a login already, then the answer is the one a new address gets, nothing is linked, and its holder is told by mail', async () => {
    const { service, admin, coordinator, family, member } = await buildScene();
    const manager = await buildAccount(testApp.database.db, { role: 'manager' });
    const guardianElsewhere = await buildAccount(testApp.database.db, { role: 'family' });
    const adminAgent = await signInAs(testApp.app, admin);
    const coordinatorAgent = await signInAs(testApp.app, coordinator);

    const fresh = await adminAgent
      .post('/api/invitations')
      .send({ kind: 'worker', email: newEmail(), name: 'Uusi', serviceId: service.id });
    const taken = await adminAgent
      .post('/api/invitations')
      .send({ kind: 'worker', email: manager.email, name: 'X', serviceId: service.id });
    const takenMember = await coordinatorAgent
      .post('/api/invitations')
      .send({ kind: 'family-member', familyId: family.id, memberId: member.id, email: guardianElsewhere.email });
    for (const response of [taken, takenMember]) {
      expect(response.status).toBe(fresh.status);
      expect(Object.keys(response.body)).toEqual(Object.keys(fresh.body));
    }

    expect(
      await testApp.database.db.select().from(serviceMemberships).where(eq(serviceMemberships.accountId, manager.id)),
    ).toEqual([]);
    const [linked] = await testApp.database.db.select().from(familyMembers).where(eq(familyMembers.id, member.id));
    expect(linked!.accountId).toBeNull();
    expect(await testApp.database.db.select().from(invitations).where(eq(invitations.accountId, guardianElsewhere.id))).toEqual(
      [],
    );
    for (const holder of [manager, guardianElsewhere]) {
      const notice = await latestMailTo(holder.email);
      expect(notice.body).toContain('osoitteella on jo tunnus');
      expect(notice.body).not.toMatch(/\/kutsu\//);
      expect(notice.body).not.toContain(family.name);
    }
  });

  it('when an administrator adds a worker who signs in already, then the worker joins the service at once and is told by mail', async () => {
    const { organisation, admin } = await buildScene();
    const secondService = await buildService(testApp.database.db, organisation.id, 'Koulukuraattori');
    const worker = await buildAccount(testApp.database.db, { role: 'worker', organisationId: organisation.id });
    const agent = await signInAs(testApp.app, admin);
    await agent
      .post('/api/invitations')
      .send({ kind: 'worker', email: worker.email, name: 'X', serviceId: secondService.id })
      .expect(201);
    const memberships = await testApp.database.db
      .select()
      .from(serviceMemberships)
      .where(eq(serviceMemberships.accountId, worker.id));
    expect(memberships.map((membership) => membership.serviceId)).toEqual([secondService.id]);
    expect((await latestMailTo(worker.email)).body).toContain('Koulukuraattori');
    expect(await testApp.database.db.select().from(invitations).where(eq(invitations.accountId, worker.id))).toEqual([]);
  });

  it('when a new worker has signed in, then they see no family until their service has an accepted role', async () => {
    const { service, admin, coordinator, family } = await buildScene();
    const adminAgent = await signInAs(testApp.app, admin);
    const email = newEmail();
    await adminAgent
      .post('/api/invitations')
      .send({ kind: 'worker', email, name: 'Uusi Työntekijä', serviceId: service.id })
      .expect(201);
    await request(testApp.app)
      .post(`/api/invitations/${tokenIn((await latestMailTo(email)).body)}/accept`)
      .send({ password: NEW_PASSWORD })
      .expect(204);
    // The worker has set up the authenticator, as they must before they see anything.
    await testApp.database.db
      .update(accounts)
      .set({ totpSecret: TEST_TOTP_SECRET, totpEnabledAt: new Date() })
      .where(eq(accounts.email, email));
    const worker = await signInAs(testApp.app, { email, password: NEW_PASSWORD });
    const coordinatorAgent = await signInAs(testApp.app, coordinator);
    await coordinatorAgent.post(`/api/families/${family.id}/service-roles`).send({ serviceId: service.id }).expect(201);

    expect((await worker.get('/api/families').expect(200)).body.families).toEqual([]);
    await worker.get(`/api/families/${family.id}/plan`).expect(404);
  });
  it('when the same person is invited again before accepting, then only the newest link works', async () => {
    const { service, admin } = await buildScene();
    const agent = await signInAs(testApp.app, admin);
    const email = newEmail();
    await agent.post('/api/invitations').send({ kind: 'worker', email, name: 'Uusi', serviceId: service.id }).expect(201);
    const firstToken = tokenIn((await latestMailTo(email)).body);
    await agent.post('/api/invitations').send({ kind: 'worker', email, name: 'Uusi', serviceId: service.id }).expect(201);
    const secondToken = tokenIn((await latestMailTo(email)).body);
    expect(secondToken).not.toBe(firstToken);
    await request(testApp.app).post(`/api/invitations/${firstToken}/accept`).send({ password: NEW_PASSWORD }).expect(410);
    await request(testApp.app).post(`/api/invitations/${secondToken}/accept`).send({ password: NEW_PASSWORD }).expect(204);
  });
});

describe('inviting a family member', () => {
  it('when a coordinator invites a member of their family, then the member gets a family login linked to them', async () => {
    const { coordinator, family, member } = await buildScene();
    const agent = await signInAs(testApp.app, coordinator);
    const email = newEmail();
    await agent
      .post('/api/invitations')
      .send({ kind: 'family-member', familyId: family.id, memberId: member.id, email })
      .expect(201);
    const mail = await latestMailTo(email);
    expect(mail.body).toContain('Hei Tiina Testinen');
    expect(mail.body).not.toContain(family.name);
    const token = tokenIn(mail.body);
    expect((await request(testApp.app).get(`/api/invitations/${token}`)).body).toMatchObject({
      kind: 'family-member',
      name: 'Tiina Testinen',
      state: 'open',
    });

    await request(testApp.app).post(`/api/invitations/${token}/accept`).send({ password: NEW_PASSWORD }).expect(204);
    const [linked] = await testApp.database.db.select().from(familyMembers).where(eq(familyMembers.id, member.id));
    const [account] = await testApp.database.db.select().from(accounts).where(eq(accounts.id, linked!.accountId!));
    expect(account).toMatchObject({ email, role: 'family', name: 'Tiina Testinen' });

    const guardian = request.agent(testApp.app);
    const login = await guardian.post('/api/auth/login').send({ email, password: NEW_PASSWORD }).expect(200);
    expect(login.body.secondFactor).toBe('done');
    await guardian.get(`/api/families/${family.id}/plan`).expect(200);

    const audited = await testApp.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.familyId, family.id), eq(auditEvents.resource, 'invitation')))
      .orderBy(auditEvents.id);
    expect(audited.map((event) => [event.action, event.outcome])).toEqual([
      ['create', 'allowed'],
      ['read', 'allowed'],
      ['update', 'allowed'],
    ]);
  });

  it('when the coordinator does not coordinate the family, then 404, nothing is created, and the refusal is audited', async () => {
    const { coordinator, otherFamily, otherMember } = await buildScene();
    const agent = await signInAs(testApp.app, coordinator);
    const email = newEmail();
    const response = await agent
      .post('/api/invitations')
      .send({ kind: 'family-member', familyId: otherFamily.id, memberId: otherMember.id, email });
    expect(response.status).toBe(404);
    expect(response.body.code).toBe('not_found');
    expect(await testApp.database.db.select().from(accounts).where(eq(accounts.email, email))).toEqual([]);
    expect(await testApp.database.db.select().from(invitations).where(eq(invitations.memberId, otherMember.id))).toEqual([]);
    const refused = await testApp.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.familyId, otherFamily.id), eq(auditEvents.outcome, 'denied')));
    expect(refused).toHaveLength(1);
  });

  it('when the member belongs to another family than the one named, then 404', async () => {
    const { coordinator, family, otherMember } = await buildScene();
    const agent = await signInAs(testApp.app, coordinator);
    await agent
      .post('/api/invitations')
      .send({ kind: 'family-member', familyId: family.id, memberId: otherMember.id, email: newEmail() })
      .expect(404);
  });

  it('when the case is closed, then no one new is invited to it', async () => {
    const { coordinator } = await buildScene();
    const closed = await buildFamily(testApp.database.db, { coordinatorId: coordinator.id, status: 'closed' });
    const member = await buildMember(testApp.database.db, closed.id);
    const agent = await signInAs(testApp.app, coordinator);
    const response = await agent
      .post('/api/invitations')
      .send({ kind: 'family-member', familyId: closed.id, memberId: member.id, email: newEmail() });
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('case_closed');
  });
});

describe('the invitation link', () => {
  it('when the link has expired, then reading shows it expired and accepting answers 410 and sets nothing', async () => {
    const { service, admin } = await buildScene();
    const agent = await signInAs(testApp.app, admin);
    const email = newEmail();
    await agent.post('/api/invitations').send({ kind: 'worker', email, name: 'Myöhäinen', serviceId: service.id }).expect(201);
    const token = tokenIn((await latestMailTo(email)).body);
    await testApp.database.db
      .update(invitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(invitations.tokenHash, invitationTokenHash(token)));

    expect((await request(testApp.app).get(`/api/invitations/${token}`).expect(200)).body.state).toBe('expired');
    const response = await request(testApp.app).post(`/api/invitations/${token}/accept`).send({ password: NEW_PASSWORD });
    expect(response.status).toBe(410);
    expect(response.body.code).toBe('invitation_expired');
    const [account] = await testApp.database.db.select().from(accounts).where(eq(accounts.email, email));
    expect(account!.passwordHash).toBeNull();
  });

  it('when the token is unknown, then reading and accepting answer 404', async () => {
    const unknown = 'A'.repeat(43);
    expect((await request(testApp.app).get(`/api/invitations/${unknown}`)).body.code).toBe('not_found');
    await request(testApp.app).post(`/api/invitations/${unknown}/accept`).send({ password: NEW_PASSWORD }).expect(404);
  });

  it('when the password is too short, too long or the email address, then 400 names the password and the link still works', async () => {
    const { service, admin } = await buildScene();
    const agent = await signInAs(testApp.app, admin);
    const email = newEmail();
    await agent.post('/api/invitations').send({ kind: 'worker', email, name: 'Salasana', serviceId: service.id }).expect(201);
    const token = tokenIn((await latestMailTo(email)).body);
    for (const password of ['short', 'x'.repeat(201), email.toUpperCase()]) {
      const response = await request(testApp.app).post(`/api/invitations/${token}/accept`).send({ password });
      expect(response.status).toBe(400);
      expect(response.body.errors.map((error: { path: string }) => error.path)).toEqual(['body.password']);
    }
    await request(testApp.app).post(`/api/invitations/${token}/accept`).send({ password: NEW_PASSWORD }).expect(204);
  });

  it('when the invitation body is not valid, then 400 lists the fields at fault', async () => {
    const { coordinator } = await buildScene();
    const agent = await signInAs(testApp.app, coordinator);
    const worker = await agent.post('/api/invitations').send({ kind: 'worker', email: 'not-an-email', serviceId: 'x' });
    expect(worker.status).toBe(400);
    expect(worker.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(worker.body.errors.map((error: { path: string }) => error.path).sort()).toEqual([
      'body.email',
      'body.name',
      'body.serviceId',
    ]);
    const unknownKind = await agent.post('/api/invitations').send({ kind: 'manager', email: newEmail() });
    expect(unknownKind.status).toBe(400);
    expect(unknownKind.body.errors.map((error: { path: string }) => error.path)).toEqual(['body.kind']);
  });

  it('when the whole flow has run, then the token appeared in no API response and no log line', async () => {
    const { service, admin } = await buildScene();
    const agent = await signInAs(testApp.app, admin);
    const email = newEmail();
    const responses: string[] = [];
    const created = await agent.post('/api/invitations').send({ kind: 'worker', email, name: 'Lokiton', serviceId: service.id });
    responses.push(created.text, JSON.stringify(created.headers));
    const token = tokenIn((await latestMailTo(email)).body);
    for (const response of [
      await request(testApp.app).get(`/api/invitations/${token}`),
      await request(testApp.app).post(`/api/invitations/${token}/accept`).send({ password: 'short' }),
      await request(testApp.app).post(`/api/invitations/${token}/accept`).send({ password: NEW_PASSWORD }),
      await request(testApp.app).post(`/api/invitations/${token}/accept`).send({ password: NEW_PASSWORD }),
    ])
      responses.push(response.text, JSON.stringify(response.headers));

    expect(responses.join('\n')).not.toContain(token);
    const logged = logLines.join('');
    expect(logged).toContain('/api/invitations/:token/accept');
    expect(logged).not.toContain(token);
    const audited = await testApp.database.db.select().from(auditEvents);
    expect(JSON.stringify(audited)).not.toContain(token);
  });
});

describe('mail delivery', () => {
  it('when SMTP is configured, then the invitation is sent through the transport after commit and marked sent', async () => {
    const transport = nodemailer.createTransport({ jsonTransport: true });
    const sent: Array<{ from?: unknown; to?: unknown; subject?: unknown; text?: unknown }> = [];
    transport.use('compile', (mail, done) => {
      sent.push(mail.data);
      done();
    });
    const smtpApp = await startTestApp(
      { MAIL_FROM: 'Yhdessä <kutsut@test.example>' },
      { mailTransport: transport, database: testApp.database },
    );
    try {
      const { service, admin } = await buildScene(smtpApp);
      const agent = await signInAs(smtpApp.app, admin);
      const email = newEmail();
      await agent.post('/api/invitations').send({ kind: 'worker', email, name: 'Posti', serviceId: service.id }).expect(201);

      expect(sent).toHaveLength(1);
      expect(sent[0]).toMatchObject({ from: { name: 'Yhdessä', address: 'kutsut@test.example' }, to: [{ address: email }] });
      expect(sent[0]!.text).toContain('http://localhost:3000/kutsu/');
      const row = await latestMailTo(email, smtpApp);
      expect(row.sentAt).not.toBeNull();
    } finally {
      await smtpApp.close();
    }
  });

  it('when sending fails, then the invitation still stands and the mail stays unsent in the outbox', async () => {
    const transport = nodemailer.createTransport({ jsonTransport: true });
    transport.use('compile', (_mail, done) => done(new Error('mail server down')));
    const smtpApp = await startTestApp({}, { mailTransport: transport, database: testApp.database });
    try {
      const { service, admin } = await buildScene(smtpApp);
      const agent = await signInAs(smtpApp.app, admin);
      const email = newEmail();
      await agent.post('/api/invitations').send({ kind: 'worker', email, name: 'Posti', serviceId: service.id }).expect(201);
      const row = await latestMailTo(email, smtpApp);
      expect(row.sentAt).toBeNull();
      expect(await smtpApp.database.db.select().from(accounts).where(eq(accounts.email, email))).toHaveLength(1);
    } finally {
      await smtpApp.close();
    }
  });

  it('when SMTP_URL is set, then an SMTP transport is made from it, and without it none', () => {
    const transport = createSmtpTransport({ SMTP_URL: 'smtp://user:secret@mail.test.example:2525' });
    const smtp = transport?.transporter as unknown as { name: string; options: Record<string, unknown> };
    expect(smtp.name).toBe('SMTP');
    expect(smtp.options).toMatchObject({ host: 'mail.test.example', port: 2525, connectionTimeout: 10_000 });
    expect(createSmtpTransport({ SMTP_URL: undefined })).toBeNull();
  });
});

describe('the development outbox', () => {
  it('when demo mode is on, then /api/demo/outbox lists the newest mails; outside demo mode it does not exist', async () => {
    const demoApp = await startTestApp({ DEMO: '1' }, { database: testApp.database });
    try {
      const { service, admin } = await buildScene(demoApp);
      const agent = await signInAs(demoApp.app, admin);
      const email = newEmail();
      await agent.post('/api/invitations').send({ kind: 'worker', email, name: 'Demo', serviceId: service.id }).expect(201);
      const outbox = outboxMailSchema.array().parse((await request(demoApp.app).get('/api/demo/outbox').expect(200)).body);
      expect(outbox[0]).toMatchObject({ to: email, sentAt: null });
      expect(outbox[0]!.body).toContain('http://localhost:3000/kutsu/');
    } finally {
      await demoApp.close();
    }
    await request(testApp.app).get('/api/demo/outbox').expect(404);
  });
});
