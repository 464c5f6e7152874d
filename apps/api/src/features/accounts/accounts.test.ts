import { adminAccountListSchema, type AdminAccount } from '@yhdessa/shared';
import { and, desc, eq } from 'drizzle-orm';
import request from 'supertest';
import { auditEvents } from '../../db/tables/audit';
import { buildAccount } from '../../test/factories';
import { signInAs, startTestApp, type TestApp } from '../../test/test-app';
import { buildWorld, type PersonKey, type World } from '../../test/world';
import { accounts } from '../../db/tables/accounts';

jest.setTimeout(60_000);

let testApp: TestApp;
let world: World;

beforeAll(async () => {
  testApp = await startTestApp();
  world = await buildWorld(testApp.database.db);
});
afterAll(() => testApp.close());

const agentOf = (person: PersonKey) => signInAs(testApp.app, world.people[person]);

async function listAs(person: PersonKey, query = '') {
  const response = await (await agentOf(person)).get(`/api/admin/accounts${query}`);
  expect(response.status).toBe(200);
  return adminAccountListSchema.parse(response.body).accounts;
}

const accountOf = (list: AdminAccount[], accountId: string) => list.find((account) => account.id === accountId);

describe('the administrator’s account list', () => {
  it.each<[PersonKey, number]>([
    ['admin', 200],
    ['coordinator', 404],
    ['workerA', 404],
    ['guardian', 404],
    ['youngMember', 404],
    ['manager', 404],
  ])('when %s asks for the account list, then %i', async (person, status) => {
    expect((await (await agentOf(person)).get('/api/admin/accounts')).status).toBe(status);
  });

  it('when nobody is signed in, then 401', async () => {
    expect((await request(testApp.app).get('/api/admin/accounts')).status).toBe(401);
  });

  it('when the administrator lists accounts, then each shows its role, organisation, services and second factor, by name', async () => {
    const list = await listAs('admin');
    expect(list.map((account) => account.name)).toEqual(
      [...list.map((account) => account.name)].sort((a, b) => (a < b ? -1 : 1)),
    );
    expect(accountOf(list, world.people.workerA.id)).toEqual({
      id: world.people.workerA.id,
      name: 'Työntekijä A',
      email: world.people.workerA.email,
      role: 'worker',
      organisation: { id: world.services.serviceA.organisationId, name: 'Testikunta' },
      services: [{ id: world.services.serviceA.id, name: { fi: 'Perhetyö', en: 'Perhetyö' } }],
      disabledAt: null,
      signInLockedUntil: null,
      secondFactorLockedUntil: null,
      secondFactor: 'enrolled',
    });
    expect(accountOf(list, world.people.manager.id)).toMatchObject({ role: 'manager', services: [], secondFactor: 'enrolled' });
  });

  it('when the list has family members, then it tells nothing of their family: no family, no relation, no organisation', async () => {
    const list = await listAs('admin', '?role=family');
    expect(list.map((account) => account.name).sort()).toEqual(['Huoltaja Muu', 'Huoltaja Testinen', 'Nuori Testinen']);
    const guardian = accountOf(list, world.people.guardian.id)!;
    expect(guardian).toEqual({
      id: world.people.guardian.id,
      name: 'Huoltaja Testinen',
      email: world.people.guardian.email,
      role: 'family',
      organisation: null,
      services: [],
      disabledAt: null,
      signInLockedUntil: null,
      secondFactorLockedUntil: null,
      secondFactor: 'not_used',
    });
    const text = JSON.stringify(list);
    for (const family of [world.family, world.otherFamily]) {
      expect(text).not.toContain(family.id);
      expect(text).not.toContain(family.name);
    }
    expect(text).not.toMatch(/guardian|child|relation|family(Id|Name)/);
  });

  it('when a professional has not set up the authenticator yet, then the list says so', async () => {
    const newcomer = await buildAccount(testApp.database.db, {
      role: 'coordinator',
      secondFactor: false,
      name: 'Uusi Koordinaattori',
    });
    expect(accountOf(await listAs('admin'), newcomer.id)?.secondFactor).toBe('not_enrolled');
  });

  it('when the list is filtered by role, then only that role is listed', async () => {
    const workers = await listAs('admin', '?role=worker');
    expect(workers.length).toBeGreaterThanOrEqual(3);
    expect(new Set(workers.map((account) => account.role))).toEqual(new Set(['worker']));
  });

  it('when the role filter is not a role, then 400 validation_failed', async () => {
    const response = await (await agentOf('admin')).get('/api/admin/accounts?role=superuser');
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('validation_failed');
  });

  it('when the administrator lists accounts, then the reading is audited outside any family', async () => {
    await listAs('admin', '?role=manager');
    const [row] = await testApp.database.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.actorId, world.people.admin.id), eq(auditEvents.resource, 'account'), eq(auditEvents.action, 'read')),
      )
      .orderBy(desc(auditEvents.id))
      .limit(1);
    expect(row).toMatchObject({
      action: 'read',
      resource: 'account',
      familyId: null,
      chain: 'system',
      outcome: 'allowed',
      basis: 'administrator',
      detail: { role: 'manager', count: 1 },
    });
  });
});

describe('disabling an account', () => {
  it('when the administrator disables a family member’s account, then it cannot sign in, the list shows it disabled and it is audited', async () => {
    const member = await buildAccount(testApp.database.db, { role: 'family', name: 'Suljettava Jäsen' });
    const admin = await agentOf('admin');
    expect((await admin.post(`/api/admin/accounts/${member.id}/disable`)).status).toBe(204);

    const listed = accountOf(await listAs('admin', '?role=family'), member.id);
    expect(listed?.disabledAt).toEqual(expect.any(String));
    const signIn = await request(testApp.app).post('/api/auth/login').send({ email: member.email, password: member.password });
    expect(signIn.status).toBe(401);
    const audit = await testApp.database.db.select().from(auditEvents).where(eq(auditEvents.resourceId, member.id));
    expect(audit.map((row) => [row.action, row.basis, row.familyId, row.detail])).toContainEqual([
      'update',
      'administrator',
      null,
      { disabled: true },
    ]);
  });

  it('when an account is disabled twice, then it keeps the first time', async () => {
    const worker = await buildAccount(testApp.database.db, { role: 'worker' });
    const admin = await agentOf('admin');
    await admin.post(`/api/admin/accounts/${worker.id}/disable`);
    const [first] = await testApp.database.db.select().from(accounts).where(eq(accounts.id, worker.id));
    expect((await admin.post(`/api/admin/accounts/${worker.id}/disable`)).status).toBe(204);
    const [second] = await testApp.database.db.select().from(accounts).where(eq(accounts.id, worker.id));
    expect(second!.disabledAt).toEqual(first!.disabledAt);
  });

  it('when the administrator tries to disable their own account, then 403 and it stays usable', async () => {
    const admin = await agentOf('admin');
    const response = await admin.post(`/api/admin/accounts/${world.people.admin.id}/disable`);
    expect(response.status).toBe(403);
    expect((await admin.get('/api/auth/me')).status).toBe(200);
  });

  it('when the account does not exist, then 404', async () => {
    const response = await (await agentOf('admin')).post('/api/admin/accounts/00000000-0000-4000-8000-000000000000/disable');
    expect(response.status).toBe(404);
  });

  it.each<PersonKey>(['coordinator', 'workerA', 'guardian', 'manager'])(
    'when %s tries to disable an account, then 404 and nothing changes',
    async (person) => {
      const target = await buildAccount(testApp.database.db, { role: 'worker' });
      expect((await (await agentOf(person)).post(`/api/admin/accounts/${target.id}/disable`)).status).toBe(404);
      const [row] = await testApp.database.db.select().from(accounts).where(eq(accounts.id, target.id));
      expect(row!.disabledAt).toBeNull();
    },
  );
});

describe('locked accounts', () => {
  it('when an account is locked by wrong passwords and wrong codes, then the administrator sees both locks, lifts them, and it is audited', async () => {
    const worker = await buildAccount(testApp.database.db, { role: 'worker' });
    const inAnHour = new Date(Date.now() + 3_600_000);
    await testApp.database.db
      .update(accounts)
      .set({ failedLoginCount: 5, lockedUntil: inAnHour, secondFactorFailureCount: 5, secondFactorLockedUntil: inAnHour })
      .where(eq(accounts.id, worker.id));
    expect(accountOf(await listAs('admin'), worker.id)).toMatchObject({
      signInLockedUntil: inAnHour.toISOString(),
      secondFactorLockedUntil: inAnHour.toISOString(),
    });
    await request(testApp.app).post('/api/auth/login').send({ email: worker.email, password: worker.password }).expect(401);

    const admin = await agentOf('admin');
    await admin.post(`/api/admin/accounts/${worker.id}/unlock`).expect(204);
    expect(accountOf(await listAs('admin'), worker.id)).toMatchObject({ signInLockedUntil: null, secondFactorLockedUntil: null });
    const [row] = await testApp.database.db.select().from(accounts).where(eq(accounts.id, worker.id));
    expect(row).toMatchObject({ failedLoginCount: 0, secondFactorFailureCount: 0 });
    await signInAs(testApp.app, worker);
    const [audited] = await testApp.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.resourceId, worker.id), eq(auditEvents.actorId, world.people.admin.id)))
      .orderBy(desc(auditEvents.id))
      .limit(1);
    expect(audited).toMatchObject({ action: 'update', resource: 'account', outcome: 'allowed', basis: 'administrator' });
  });

  it.each<PersonKey>(['coordinator', 'workerA', 'guardian', 'manager'])(
    'when %s tries to lift a lock, then 404 and the lock stays',
    async (person) => {
      const worker = await buildAccount(testApp.database.db, { role: 'worker' });
      const locked = new Date(Date.now() + 3_600_000);
      await testApp.database.db.update(accounts).set({ secondFactorLockedUntil: locked }).where(eq(accounts.id, worker.id));
      await (await agentOf(person)).post(`/api/admin/accounts/${worker.id}/unlock`).expect(404);
      const [row] = await testApp.database.db.select().from(accounts).where(eq(accounts.id, worker.id));
      expect(row!.secondFactorLockedUntil).toEqual(locked);
    },
  );

  it('when the account does not exist, then 404', async () => {
    await (await agentOf('admin')).post('/api/admin/accounts/00000000-0000-4000-8000-000000000000/unlock').expect(404);
  });
});
