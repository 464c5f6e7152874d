import { planSchema } from '@yhdessa/shared';
import { and, desc, eq } from 'drizzle-orm';
import request from 'supertest';
import { auditEvents } from '../../db/tables/audit';
import { signInAs, startTestApp, type TestApp } from '../../test/test-app';
import { buildWorld, type PersonKey, type World } from '../../test/world';

let testApp: TestApp;
let world: World;

beforeAll(async () => {
  testApp = await startTestApp();
  world = await buildWorld(testApp.database.db);
});
afterAll(() => testApp.close());

describe('GET /api/families/:familyId/plan', () => {
  it.each<[PersonKey, number]>([
    ['coordinator', 200],
    ['workerA', 200],
    ['workerB', 200],
    ['guardian', 200],
    ['otherCoordinator', 404],
    ['workerC', 404],
    ['otherGuardian', 404],
    ['manager', 404],
    ['admin', 404],
  ])('when %s asks for the family plan, then it answers %i', async (person, status) => {
    const agent = await signInAs(testApp.app, world.people[person]);
    const response = await agent.get(`/api/families/${world.family.id}/plan`);
    expect(response.status).toBe(status);
    if (status === 404) expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('when the coordinator reads the plan, then it has members, goals, service roles with their own actions and the family actions', async () => {
    const agent = await signInAs(testApp.app, world.people.coordinator);
    const response = await agent.get(`/api/families/${world.family.id}/plan`);
    const plan = planSchema.parse(response.body);
    expect(plan.family.name).toBe('Perhe Testinen');
    expect(plan.members.map((member) => member.relation)).toEqual(['guardian', 'child', 'child']);
    expect(plan.goals.map((goal) => goal.id)).toEqual([world.goal.id]);
    const roleA = plan.serviceRoles.find((role) => role.id === world.roles.roleA.id);
    expect(roleA?.actions.map((action) => action.id)).toEqual([world.actions.actionA.id]);
    expect(plan.serviceRoles.find((role) => role.id === world.roles.roleCInvited.id)?.status).toBe('invited');
    expect(plan.familyActions.map((action) => action.id)).toEqual([world.actions.familyAction.id]);
  });

  it('when anyone reads a plan, then the read is audited with its basis; a refused read is audited as denied', async () => {
    const allowed = await signInAs(testApp.app, world.people.workerA);
    await allowed.get(`/api/families/${world.family.id}/plan`).expect(200);
    const refused = await signInAs(testApp.app, world.people.workerC);
    await refused.get(`/api/families/${world.family.id}/plan`).expect(404);

    const rows = await testApp.database.db.select().from(auditEvents).where(eq(auditEvents.familyId, world.family.id));
    expect(rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          actorId: world.people.workerA.id,
          action: 'read',
          resource: 'plan',
          outcome: 'allowed',
          basis: 'service-role',
        }),
        expect.objectContaining({ actorId: world.people.workerC.id, action: 'read', outcome: 'denied' }),
      ]),
    );
  });

  it('when a family member signs in again, then the plan names their own last visit before this sign-in, and nobody else gets one', async () => {
    const plan = async (agent: Awaited<ReturnType<typeof signInAs>>) =>
      planSchema.parse((await agent.get(`/api/families/${world.family.id}/plan`).expect(200)).body);
    const firstSession = await signInAs(testApp.app, world.people.youngMember);
    expect((await plan(firstSession)).lastVisitAt).toBeNull();
    // Reading again in the same session is still the same visit.
    expect((await plan(firstSession)).lastVisitAt).toBeNull();
    const [lastRead] = await testApp.database.db
      .select({ occurredAt: auditEvents.occurredAt })
      .from(auditEvents)
      .where(and(eq(auditEvents.actorId, world.people.youngMember.id), eq(auditEvents.resource, 'plan')))
      .orderBy(desc(auditEvents.id))
      .limit(1);

    // Another member's reading in between is not this member's visit.
    await plan(await signInAs(testApp.app, world.people.guardian));
    const secondSession = await signInAs(testApp.app, world.people.youngMember);
    expect((await plan(secondSession)).lastVisitAt).toBe(lastRead!.occurredAt.toISOString());

    const coordinator = await signInAs(testApp.app, world.people.coordinator);
    expect((await plan(coordinator)).lastVisitAt).toBeNull();
  });

  it('when nobody is signed in, then the plan answers 401 problem+json', async () => {
    const response = await request(testApp.app).get(`/api/families/${world.family.id}/plan`);
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ status: 401, code: 'unauthenticated' });
  });

  it('when the family id is not a uuid or does not exist, then 400 and 404', async () => {
    const agent = await signInAs(testApp.app, world.people.coordinator);
    const malformed = await agent.get('/api/families/not-a-uuid/plan');
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors).toEqual([expect.objectContaining({ path: 'params.familyId' })]);
    await agent.get('/api/families/00000000-0000-4000-8000-000000000000/plan').expect(404);
  });

  it("when a worker's role ends or is only invited, then the worker no longer reaches the family", async () => {
    const agent = await signInAs(testApp.app, world.people.workerC);
    // workerC's service is invited to `family`, not accepted: no access yet.
    await agent.get(`/api/families/${world.family.id}/plan`).expect(404);
    await agent.get(`/api/families/${world.otherFamily.id}/plan`).expect(200);
  });
});
