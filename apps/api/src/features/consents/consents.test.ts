import { familyConsentsSchema, planSchema } from '@yhdessa/shared';
import { eq } from 'drizzle-orm';
import { families } from '../../db/tables/families';
import { signInAs, startTestApp, type TestApp } from '../../test/test-app';
import { buildWorld, type PersonKey, type World } from '../../test/world';
import { consentDecisions } from '../../db/tables/consents';
import { auditEvents } from '../../db/tables/audit';
import { serviceRoles } from '../../db/tables/service-roles';
import { and, desc } from 'drizzle-orm';

let testApp: TestApp;
let world: World;

beforeAll(async () => {
  testApp = await startTestApp();
  world = await buildWorld(testApp.database.db);
});
afterAll(() => testApp.close());

const agentOf = (person: PersonKey) => signInAs(testApp.app, world.people[person]);

async function planAs(person: PersonKey) {
  const response = await (await agentOf(person)).get(`/api/families/${world.family.id}/plan`);
  return planSchema.parse(response.body);
}

describe('consent', () => {
  it('when a service has consent for goals, then its worker sees the goals; a service without it sees none', async () => {
    const planA = await planAs('workerA');
    expect(planA.sharedParts.sort()).toEqual(['goals', 'story']);
    expect(planA.goals.map((goal) => goal.id)).toEqual([world.goal.id]);

    const planB = await planAs('workerB');
    expect(planB.sharedParts).toEqual([]);
    expect(planB.goals).toEqual([]);
    expect(planB.serviceRoles.length).toBeGreaterThan(0);
  });

  it.each<[PersonKey, number]>([
    ['guardian', 200],
    ['youngMember', 200],
    ['coordinator', 200],
    ['workerA', 404],
    ['otherGuardian', 404],
    ['manager', 404],
  ])('when %s reads the family consents, then %i', async (person, status) => {
    const response = await (await agentOf(person)).get(`/api/families/${world.family.id}/consents`);
    expect(response.status).toBe(status);
    if (status === 200) {
      const consents = familyConsentsSchema.parse(response.body);
      expect(consents.services.find((service) => service.serviceId === world.services.serviceA.id)?.parts.goals).toBe(true);
      expect(consents.history[0]).toMatchObject({ decidedBy: { id: world.people.guardian.id } });
    }
  });

  it.each<[PersonKey, number]>([
    ['youngMember', 404],
    ['coordinator', 404],
    ['workerB', 404],
    ['otherGuardian', 404],
  ])('when %s tries to decide consent, then %i and nothing is recorded', async (person, status) => {
    const before = await testApp.database.db.select().from(consentDecisions);
    const response = await (
      await agentOf(person)
    )
      .post(`/api/families/${world.family.id}/consents`)
      .send({ serviceId: world.services.serviceB.id, part: 'goals', granted: true });
    expect(response.status).toBe(status);
    expect(await testApp.database.db.select().from(consentDecisions)).toHaveLength(before.length);
  });

  it('when the guardian withdraws consent, then the very next request of the worker no longer gets the goals, and history keeps both', async () => {
    const guardian = await agentOf('guardian');
    const withdrawn = await guardian
      .post(`/api/families/${world.family.id}/consents`)
      .send({ serviceId: world.services.serviceA.id, part: 'goals', granted: false });
    expect(withdrawn.status).toBe(200);
    const consents = familyConsentsSchema.parse(withdrawn.body);
    expect(consents.services.find((service) => service.serviceId === world.services.serviceA.id)?.parts.goals).toBe(false);
    expect(
      consents.history
        .filter((entry) => entry.serviceId === world.services.serviceA.id && entry.part === 'goals')
        .map((entry) => entry.granted),
    ).toEqual([true, false]);
    expect(testApp.published.at(-1)).toMatchObject({ type: 'consent.changed', familyId: world.family.id });

    expect((await planAs('workerA')).goals).toEqual([]);

    await guardian
      .post(`/api/families/${world.family.id}/consents`)
      .send({ serviceId: world.services.serviceA.id, part: 'goals', granted: true })
      .expect(200);
    expect((await planAs('workerA')).goals).toHaveLength(1);
  });

  it('when consent is for a service not in the plan or the body is wrong, then 404 or 400', async () => {
    const guardian = await agentOf('guardian');
    await guardian
      .post(`/api/families/${world.family.id}/consents`)
      .send({ serviceId: '00000000-0000-4000-8000-000000000000', part: 'goals', granted: true })
      .expect(404);
    const bad = await guardian
      .post(`/api/families/${world.family.id}/consents`)
      .send({ serviceId: world.services.serviceA.id, part: 'diary', granted: 'yes' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((error: { path: string }) => error.path).sort()).toEqual(['body.granted', 'body.part']);
  });

  it('when the case is closed, then consent cannot change', async () => {
    await testApp.database.db.update(families).set({ status: 'closed' }).where(eq(families.id, world.family.id));
    const response = await (
      await agentOf('guardian')
    )
      .post(`/api/families/${world.family.id}/consents`)
      .send({ serviceId: world.services.serviceA.id, part: 'notes', granted: true });
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('case_closed');
    await testApp.database.db.update(families).set({ status: 'active' }).where(eq(families.id, world.family.id));
  });
});

describe('keeping a service from the other services', () => {
  const visibilityUrl = () => `/api/families/${world.family.id}/service-roles/${world.roles.roleB.id}/visibility`;
  const roleBNow = async () =>
    (await testApp.database.db.select().from(serviceRoles).where(eq(serviceRoles.id, world.roles.roleB.id)))[0]!;
  const workerAKnowsB = async () => (await planAs('workerA')).serviceRoles.some((role) => role.id === world.roles.roleB.id);

  it.each<PersonKey>(['guardian', 'coordinator'])(
    'when %s hides the role and shows it again, then the other service loses and regains it, with an audit row and an event each time',
    async (person) => {
      const agent = await agentOf(person);
      const hidden = await agent
        .patch(visibilityUrl())
        .send({ hiddenFromOtherServices: true, version: (await roleBNow()).version });
      expect(hidden.status).toBe(200);
      const consents = familyConsentsSchema.parse(hidden.body);
      expect(consents.services.find((service) => service.serviceId === world.services.serviceB.id)?.serviceRole).toMatchObject({
        id: world.roles.roleB.id,
        hiddenFromOtherServices: true,
      });
      expect(testApp.published.at(-1)).toMatchObject({ type: 'serviceRole.updated', id: world.roles.roleB.id });
      expect(await workerAKnowsB()).toBe(false);
      expect((await planAs('workerB')).serviceRoles.some((role) => role.id === world.roles.roleB.id)).toBe(true);
      const [audit] = await testApp.database.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.resourceId, world.roles.roleB.id), eq(auditEvents.actorId, world.people[person].id)))
        .orderBy(desc(auditEvents.id))
        .limit(1);
      expect(audit).toMatchObject({ action: 'update', outcome: 'allowed', detail: { hiddenFromOtherServices: true } });

      await agent
        .patch(visibilityUrl())
        .send({ hiddenFromOtherServices: false, version: (await roleBNow()).version })
        .expect(200);
      expect(await workerAKnowsB()).toBe(true);
    },
  );

  it('when the version is stale, then 409 with the current state and nothing changes', async () => {
    const before = await roleBNow();
    const response = await (
      await agentOf('guardian')
    )
      .patch(visibilityUrl())
      .send({ hiddenFromOtherServices: true, version: before.version - 1 });
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('version_conflict');
    expect(response.body.current).toMatchObject({
      id: world.roles.roleB.id,
      hiddenFromOtherServices: false,
      version: before.version,
    });
    expect(await roleBNow()).toMatchObject({ version: before.version, hiddenFromOtherServices: false });
  });

  it.each<[PersonKey, number]>([
    ['workerB', 403],
    ['workerA', 403],
    ['youngMember', 403],
    ['otherGuardian', 404],
    ['manager', 404],
  ])('when %s tries to hide the role, then %i and nothing changes', async (person, status) => {
    const before = await roleBNow();
    const response = await (
      await agentOf(person)
    )
      .patch(visibilityUrl())
      .send({ hiddenFromOtherServices: true, version: before.version });
    expect(response.status).toBe(status);
    expect(await roleBNow()).toMatchObject({ version: before.version, hiddenFromOtherServices: false });
  });

  it('when the body is wrong or the role is not in the plan, then 400 or 404', async () => {
    const guardian = await agentOf('guardian');
    const bad = await guardian.patch(visibilityUrl()).send({ hiddenFromOtherServices: 'yes' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((error: { path: string }) => error.path).sort()).toEqual([
      'body.hiddenFromOtherServices',
      'body.version',
    ]);
    await guardian
      .patch(`/api/families/${world.family.id}/service-roles/${world.otherRole.id}/visibility`)
      .send({ hiddenFromOtherServices: true, version: 1 })
      .expect(404);
  });
});
