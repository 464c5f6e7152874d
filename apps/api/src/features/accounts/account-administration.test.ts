import { adminAccountSchema, type AdminAccount } from '@yhdessa/shared';
import { and, desc, eq } from 'drizzle-orm';
import request from 'supertest';
import { accounts, serviceMemberships } from '../../db/tables/accounts';
import { auditEvents } from '../../db/tables/audit';
import { families } from '../../db/tables/families';
import { mailOutbox } from '../../db/tables/mail-outbox';
import { serviceRoles } from '../../db/tables/service-roles';
import { services } from '../../db/tables/services';
import { buildAccount, buildFamily, buildService, buildServiceRole } from '../../test/factories';
import { signInAs, startTestApp, type TestApp } from '../../test/test-app';
import { buildWorld, type PersonKey, type World } from '../../test/world';

jest.setTimeout(90_000);

let testApp: TestApp;
let world: World;

beforeAll(async () => {
  testApp = await startTestApp();
  world = await buildWorld(testApp.database.db);
});
afterAll(() => testApp.close());

const db = () => testApp.database.db;
const agentOf = (person: PersonKey) => signInAs(testApp.app, world.people[person]);
let emailCounter = 0;
const newEmail = () => `Uusi.Ammattilainen-${Date.now()}-${(emailCounter += 1)}@Test.Example`;
const refusedRoles: PersonKey[] = ['coordinator', 'workerA', 'guardian', 'youngMember', 'manager'];

async function lastAuditOf(resourceId: string) {
  const [row] = await db()
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.resourceId, resourceId), eq(auditEvents.resource, 'account')))
    .orderBy(desc(auditEvents.id))
    .limit(1);
  return row;
}

async function accountRow(accountId: string) {
  const [row] = await db().select().from(accounts).where(eq(accounts.id, accountId));
  return row!;
}

async function serviceIdsOf(accountId: string) {
  const rows = await db().select().from(serviceMemberships).where(eq(serviceMemberships.accountId, accountId));
  return rows.map((row) => row.serviceId).sort();
}

function invitationTokenIn(body: string): string {
  const match = /\/kutsu\/([A-Za-z0-9_-]+)/.exec(body);
  if (!match) throw new Error(`no invitation link in: ${body}`);
  return match[1]!;
}

async function mailTo(email: string) {
  return db().select().from(mailOutbox).where(eq(mailOutbox.to, email.toLowerCase()));
}

describe('creating a professional’s account', () => {
  it('when the administrator creates a coordinator, then the account waits for its password, the person gets an invitation, sets a password and is asked to set up the second factor', async () => {
    const admin = await agentOf('admin');
    const email = newEmail();
    const response = await admin.post('/api/admin/accounts').send({
      name: '  Uusi Koordinaattori ',
      email,
      role: 'coordinator',
      organisationId: world.services.serviceA.organisationId,
      serviceIds: [],
    });
    expect(response.status).toBe(201);
    const created = adminAccountSchema.parse(response.body);
    expect(created).toMatchObject({
      name: 'Uusi Koordinaattori',
      email: email.toLowerCase(),
      role: 'coordinator',
      organisation: { id: world.services.serviceA.organisationId, name: 'Testikunta' },
      services: [],
      disabledAt: null,
      secondFactor: 'not_enrolled',
    });
    expect((await accountRow(created.id)).passwordHash).toBeNull();

    const [mail] = await mailTo(email);
    expect(mail!.body).toContain('koordinaattorina');
    const token = invitationTokenIn(mail!.body);
    const invitation = await request(testApp.app).get(`/api/invitations/${token}`).expect(200);
    expect(invitation.body).toMatchObject({ kind: 'coordinator', state: 'open', email: email.toLowerCase() });
    await request(testApp.app)
      .post(`/api/invitations/${token}/accept`)
      .send({ password: 'a long enough password 2026' })
      .expect(204);
    const signIn = await request(testApp.app)
      .post('/api/auth/login')
      .send({ email, password: 'a long enough password 2026' })
      .expect(200);
    expect(signIn.body.secondFactor).toBe('enrol');

    expect(await lastAuditOf(created.id)).toMatchObject({
      action: 'create',
      outcome: 'allowed',
      basis: 'administrator',
      familyId: null,
      actorId: world.people.admin.id,
      detail: { role: 'coordinator', organisationId: world.services.serviceA.organisationId, serviceIds: [] },
    });
  });

  it('when the administrator creates a worker of two services, then they belong to both and the invitation names the service', async () => {
    const email = newEmail();
    const response = await (await agentOf('admin')).post('/api/admin/accounts').send({
      name: 'Uusi Työntekijä',
      email,
      role: 'worker',
      organisationId: world.services.serviceA.organisationId,
      serviceIds: [world.services.serviceA.id, world.services.serviceB.id, world.services.serviceA.id],
    });
    expect(response.status).toBe(201);
    expect(await serviceIdsOf(response.body.id)).toEqual([world.services.serviceA.id, world.services.serviceB.id].sort());
    const [mail] = await mailTo(email);
    expect(mail!.body).toContain('palvelun Perhetyö työntekijänä');
  });

  it.each(['manager', 'admin'] as const)(
    'when the administrator creates a %s without an organisation, then it is created',
    async (role) => {
      const response = await (
        await agentOf('admin')
      )
        .post('/api/admin/accounts')
        .send({ name: `Uusi ${role}`, email: newEmail(), role, organisationId: null, serviceIds: [] });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({ role, organisation: null });
    },
  );

  it('when the address has an account already, in any letter case, then 409 email_taken and nothing is created or mailed', async () => {
    const before = await db().select().from(accounts);
    const response = await (await agentOf('admin')).post('/api/admin/accounts').send({
      name: 'Toinen',
      email: world.people.workerA.email.toUpperCase(),
      role: 'manager',
      organisationId: null,
      serviceIds: [],
    });
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('email_taken');
    expect(response.body.errors).toEqual([{ path: 'body.email', message: 'Taken' }]);
    expect(await db().select().from(accounts)).toHaveLength(before.length);
    expect(await mailTo(world.people.workerA.email)).toEqual([]);
  });

  it.each<[string, () => Record<string, unknown>]>([
    ['a worker has no service', () => ({ role: 'worker', serviceIds: [] })],
    ['a coordinator has a service', () => ({ role: 'coordinator', serviceIds: [world.services.serviceA.id] })],
    ['the role is family', () => ({ role: 'family' })],
    ['the address is not one', () => ({ email: 'ei-osoite' })],
    ['the name is empty', () => ({ name: '   ' })],
    ['a field is unknown', () => ({ password: 'secret' })],
    ['the organisation does not exist', () => ({ organisationId: '00000000-0000-4000-8000-000000000000' })],
    ['the service does not exist', () => ({ role: 'worker', serviceIds: ['00000000-0000-4000-8000-000000000000'] })],
  ])('when %s, then 400 validation_failed and nothing is created', async (_case, change) => {
    const email = newEmail();
    const body = { name: 'Virheellinen', email, role: 'manager', organisationId: null, serviceIds: [], ...change() };
    const response = await (await agentOf('admin')).post('/api/admin/accounts').send(body);
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('validation_failed');
    expect(await db().select().from(accounts).where(eq(accounts.email, email.toLowerCase()))).toEqual([]);
  });

  it('when the service is retired, then 409 service_retired and nothing is created', async () => {
    const retired = await buildService(db(), world.services.serviceA.organisationId, 'Lakkautettu palvelu');
    await db().update(services).set({ retiredAt: new Date() }).where(eq(services.id, retired.id));
    const email = newEmail();
    const response = await (
      await agentOf('admin')
    )
      .post('/api/admin/accounts')
      .send({ name: 'Myöhästynyt', email, role: 'worker', organisationId: null, serviceIds: [retired.id] });
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('service_retired');
    expect(await db().select().from(accounts).where(eq(accounts.email, email.toLowerCase()))).toEqual([]);
  });

  it('when an administrator of one organisation names a service of another, then 400 and nothing is created', async () => {
    const email = newEmail();
    const response = await (await agentOf('admin')).post('/api/admin/accounts').send({
      name: 'Naapurin työntekijä',
      email,
      role: 'worker',
      organisationId: null,
      serviceIds: [world.services.serviceC.id],
    });
    expect(response.status).toBe(400);
    expect(await db().select().from(accounts).where(eq(accounts.email, email.toLowerCase()))).toEqual([]);
  });

  it.each(refusedRoles)('when %s tries to create an account, then 404 and nothing is created', async (person) => {
    const email = newEmail();
    const response = await (
      await agentOf(person)
    )
      .post('/api/admin/accounts')
      .send({ name: 'Luvaton', email, role: 'admin', organisationId: null, serviceIds: [] });
    expect(response.status).toBe(404);
    expect(await db().select().from(accounts).where(eq(accounts.email, email.toLowerCase()))).toEqual([]);
  });

  it('when nobody is signed in, then 401', async () => {
    await request(testApp.app)
      .post('/api/admin/accounts')
      .send({ name: 'Anonyymi', email: newEmail(), role: 'admin', organisationId: null, serviceIds: [] })
      .expect(401);
  });
});

describe('changing a professional’s role and services', () => {
  const change = async (accountId: string, body: object) =>
    (await agentOf('admin')).patch(`/api/admin/accounts/${accountId}`).send(body);

  it('when a worker becomes a coordinator, then their services go, their sessions end at once and the change is audited', async () => {
    const worker = await buildAccount(db(), { role: 'worker', serviceIds: [world.services.serviceA.id] });
    const session = await signInAs(testApp.app, worker);
    const response = await change(worker.id, { role: 'coordinator', serviceIds: [] });
    expect(response.status).toBe(200);
    expect(adminAccountSchema.parse(response.body)).toMatchObject({ role: 'coordinator', services: [] });
    expect(await serviceIdsOf(worker.id)).toEqual([]);
    expect((await session.get('/api/auth/me')).status).toBe(401);
    const again = await signInAs(testApp.app, worker);
    expect((await again.get('/api/auth/me')).body.role).toBe('coordinator');
    expect(await lastAuditOf(worker.id)).toMatchObject({
      action: 'update',
      basis: 'administrator',
      familyId: null,
      detail: {
        from: { role: 'worker', serviceIds: [world.services.serviceA.id] },
        to: { role: 'coordinator', serviceIds: [] },
        sessionsEnded: true,
      },
    });
  });

  it('when a worker joins another service, then their session goes on and sees the new service at once', async () => {
    const worker = await buildAccount(db(), { role: 'worker', serviceIds: [world.services.serviceA.id] });
    const session = await signInAs(testApp.app, worker);
    const response = await change(worker.id, {
      role: 'worker',
      serviceIds: [world.services.serviceA.id, world.services.serviceB.id],
    });
    expect(response.status).toBe(200);
    expect((response.body as AdminAccount).services.map((service) => service.id).sort()).toEqual(
      [world.services.serviceA.id, world.services.serviceB.id].sort(),
    );
    const me = await session.get('/api/auth/me').expect(200);
    expect(me.body.serviceIds.sort()).toEqual([world.services.serviceA.id, world.services.serviceB.id].sort());
  });

  it('when a coordinator with an open case would stop coordinating, then 409 coordinator_has_families and nothing changes', async () => {
    const response = await change(world.people.coordinator.id, { role: 'manager', serviceIds: [] });
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('coordinator_has_families');
    expect((await accountRow(world.people.coordinator.id)).role).toBe('coordinator');
    expect((await (await agentOf('coordinator')).get('/api/auth/me')).status).toBe(200);
  });

  it('when a coordinator is about to receive a case by handover, then they cannot stop coordinating either', async () => {
    const receiving = await buildAccount(db(), { role: 'coordinator' });
    const family = await buildFamily(db(), { coordinatorId: world.people.otherCoordinator.id, name: 'Siirtyvä perhe' });
    await db()
      .update(families)
      .set({ handoverToId: receiving.id, handoverRequestedAt: new Date() })
      .where(eq(families.id, family.id));
    expect((await change(receiving.id, { role: 'manager', serviceIds: [] })).body.code).toBe('coordinator_has_families');
  });

  it('when every case of a coordinator is closed, then they may become a manager', async () => {
    const coordinator = await buildAccount(db(), { role: 'coordinator' });
    await buildFamily(db(), { coordinatorId: coordinator.id, status: 'closed', name: 'Päättynyt perhe' });
    const response = await change(coordinator.id, { role: 'manager', serviceIds: [] });
    expect(response.status).toBe(200);
    expect(response.body.role).toBe('manager');
  });

  it('when a worker is responsible for a service role in an open plan, then they cannot leave that service, but may join another', async () => {
    const worker = await buildAccount(db(), { role: 'worker', serviceIds: [world.services.serviceA.id] });
    const family = await buildFamily(db(), { coordinatorId: world.people.coordinator.id, name: 'Vastuuperhe' });
    const role = await buildServiceRole(db(), family.id, world.services.serviceA.id);
    await db().update(serviceRoles).set({ responsibleAccountId: worker.id }).where(eq(serviceRoles.id, role.id));

    const leave = await change(worker.id, { role: 'worker', serviceIds: [world.services.serviceB.id] });
    expect(leave.status).toBe(409);
    expect(leave.body.code).toBe('worker_has_service_roles');
    const demote = await change(worker.id, { role: 'manager', serviceIds: [] });
    expect(demote.body.code).toBe('worker_has_service_roles');
    expect(await serviceIdsOf(worker.id)).toEqual([world.services.serviceA.id]);

    const join = await change(worker.id, {
      role: 'worker',
      serviceIds: [world.services.serviceA.id, world.services.serviceB.id],
    });
    expect(join.status).toBe(200);

    await db().update(serviceRoles).set({ status: 'ended' }).where(eq(serviceRoles.id, role.id));
    expect((await change(worker.id, { role: 'worker', serviceIds: [world.services.serviceB.id] })).status).toBe(200);
  });

  it('when a worker would join a retired service, then 409 service_retired; one they are in already may stay', async () => {
    const retired = await buildService(db(), world.services.serviceA.organisationId, 'Lopetettu');
    const worker = await buildAccount(db(), { role: 'worker', serviceIds: [retired.id] });
    await db().update(services).set({ retiredAt: new Date() }).where(eq(services.id, retired.id));
    const other = await buildAccount(db(), { role: 'worker', serviceIds: [world.services.serviceA.id] });
    const join = await change(other.id, { role: 'worker', serviceIds: [world.services.serviceA.id, retired.id] });
    expect(join.status).toBe(409);
    expect(join.body.code).toBe('service_retired');
    expect((await change(worker.id, { role: 'worker', serviceIds: [retired.id, world.services.serviceA.id] })).status).toBe(200);
  });

  it('when the account is a family member’s, then 400 and it keeps its role', async () => {
    const response = await change(world.people.guardian.id, { role: 'coordinator', serviceIds: [] });
    expect(response.status).toBe(400);
    expect((await accountRow(world.people.guardian.id)).role).toBe('family');
  });

  it.each<[string, object]>([
    ['the role is family', { role: 'family', serviceIds: [] }],
    ['the role is missing', { serviceIds: [] }],
    ['a worker has no services', { role: 'worker', serviceIds: [] }],
    ['the service ids are not ids', { role: 'worker', serviceIds: ['x'] }],
  ])('when %s, then 400', async (_case, body) => {
    const response = await change(world.people.workerB.id, body);
    expect(response.status).toBe(400);
    expect((await accountRow(world.people.workerB.id)).role).toBe('worker');
  });

  it('when the account does not exist, then 404', async () => {
    expect((await change('00000000-0000-4000-8000-000000000000', { role: 'manager', serviceIds: [] })).status).toBe(404);
  });

  it.each(refusedRoles)('when %s tries to change a role, then 404 and nothing changes', async (person) => {
    const target = await buildAccount(db(), { role: 'manager' });
    const response = await (
      await agentOf(person)
    )
      .patch(`/api/admin/accounts/${target.id}`)
      .send({ role: 'admin', serviceIds: [] });
    expect(response.status).toBe(404);
    expect((await accountRow(target.id)).role).toBe('manager');
  });
});

describe('reopening a disabled account', () => {
  it('when the administrator reopens a disabled account, then the person signs in again and both changes are audited', async () => {
    const worker = await buildAccount(db(), { role: 'worker', serviceIds: [world.services.serviceA.id] });
    const admin = await agentOf('admin');
    await admin.post(`/api/admin/accounts/${worker.id}/disable`).expect(204);
    await request(testApp.app).post('/api/auth/login').send({ email: worker.email, password: worker.password }).expect(401);

    await admin.post(`/api/admin/accounts/${worker.id}/enable`).expect(204);
    expect((await accountRow(worker.id)).disabledAt).toBeNull();
    await signInAs(testApp.app, worker);
    expect(await lastAuditOf(worker.id)).toMatchObject({ action: 'update', basis: 'administrator', detail: { disabled: false } });
  });

  it('when the account does not exist, then 404', async () => {
    await (await agentOf('admin')).post('/api/admin/accounts/00000000-0000-4000-8000-000000000000/enable').expect(404);
  });

  it.each(refusedRoles)('when %s tries to reopen an account, then 404 and it stays closed', async (person) => {
    const target = await buildAccount(db(), { role: 'worker' });
    await db().update(accounts).set({ disabledAt: new Date() }).where(eq(accounts.id, target.id));
    await (await agentOf(person)).post(`/api/admin/accounts/${target.id}/enable`).expect(404);
    expect((await accountRow(target.id)).disabledAt).not.toBeNull();
  });
});

describe('the last administrator', () => {
  // A database of its own: how many administrators there are is the point here.
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('when the only administrator who can sign in would become a manager, then 409 last_administrator, also while an invited one has not set a password; with another, they may', async () => {
    const alone = await buildAccount(app.database.db, { role: 'admin' });
    const session = await signInAs(app.app, alone);
    const demote = () => session.patch(`/api/admin/accounts/${alone.id}`).send({ role: 'manager', serviceIds: [] });

    const refused = await demote();
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('last_administrator');

    await session
      .post('/api/admin/accounts')
      .send({ name: 'Kutsuttu ylläpitäjä', email: newEmail(), role: 'admin', organisationId: null, serviceIds: [] })
      .expect(201);
    expect((await demote()).body.code).toBe('last_administrator');
    const [row] = await app.database.db.select().from(accounts).where(eq(accounts.id, alone.id));
    expect(row!.role).toBe('admin');

    await buildAccount(app.database.db, { role: 'admin' });
    expect((await demote()).status).toBe(200);
    expect((await session.get('/api/auth/me')).status).toBe(401);
  });
});
