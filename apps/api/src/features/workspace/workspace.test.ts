import { coordinatorWorkspaceSchema, workerWorkspaceSchema } from '@yhdessa/shared';
import { eq } from 'drizzle-orm';
import { auditEvents } from '../../db/tables/audit';
import { reviews } from '../../db/tables/reviews';
import { serviceRoles } from '../../db/tables/service-roles';
import { buildAction, buildFamily } from '../../test/factories';
import { signInAs, startTestApp, type TestApp } from '../../test/test-app';
import { buildWorld, type PersonKey, type World } from '../../test/world';

jest.setTimeout(60_000);

let testApp: TestApp;
let world: World;
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  testApp = await startTestApp();
  world = await buildWorld(testApp.database.db);
  const db = testApp.database.db;
  await buildAction(db, world.family.id, { serviceRoleId: world.roles.roleA.id, title: 'Myöhässä A', dueOn: day(-3) });
  await buildAction(db, world.family.id, { serviceRoleId: world.roles.roleA.id, title: 'Pian A', dueOn: day(5) });
  await buildAction(db, world.family.id, { serviceRoleId: world.roles.roleA.id, title: 'Kaukana A', dueOn: day(40) });
  await buildAction(db, world.family.id, { serviceRoleId: world.roles.roleB.id, title: 'Myöhässä B', dueOn: day(-1) });
  await buildAction(db, world.otherFamily.id, { serviceRoleId: world.otherRole.id, title: 'Muun myöhässä', dueOn: day(-2) });
  await db.insert(reviews).values({ familyId: world.family.id, scheduledOn: day(7) });
  await db.insert(reviews).values({ familyId: world.family.id, scheduledOn: day(30) });
  await buildFamily(db, { coordinatorId: world.people.coordinator.id, name: 'Perhe Suljettu', status: 'closed' });
});
afterAll(() => testApp.close());

const agentOf = (person: PersonKey) => signInAs(testApp.app, world.people[person]);

describe('GET /api/workspace', () => {
  it("when a coordinator opens the workspace, then they see their families and what needs them, and nothing of others' families", async () => {
    const agent = await agentOf('coordinator');
    await agent
      .patch(`/api/families/${world.family.id}/actions/${world.actions.actionA.id}`)
      .send({ status: 'in_progress', version: 1 });
    const response = await agent.get('/api/workspace');
    expect(response.status).toBe(200);
    const workspace = coordinatorWorkspaceSchema.parse(response.body);
    expect(workspace.families.map((family) => family.name)).toEqual(['Perhe Suljettu', 'Perhe Testinen']);
    expect(workspace.overdueActions.map((row) => row.action.title)).toEqual(['Myöhässä A', 'Myöhässä B']);
    expect(workspace.overdueActions[0]!.family).toEqual({ id: world.family.id, name: 'Perhe Testinen' });
    expect(workspace.unansweredInvitations).toEqual([
      expect.objectContaining({ serviceRoleId: world.roles.roleCInvited.id, ageDays: 0 }),
    ]);
    expect(workspace.upcomingReviews.map((review) => review.scheduledOn)).toEqual([day(7)]);
    expect(workspace.recentChanges.count).toBe(1);
    expect(workspace.recentChanges.families).toEqual([{ family: { id: world.family.id, name: 'Perhe Testinen' }, count: 1 }]);
    expect(workspace.recentChanges.latest).toEqual([
      expect.objectContaining({
        family: { id: world.family.id, name: 'Perhe Testinen' },
        type: 'action.updated',
        status: 'in_progress',
        item: expect.objectContaining({ id: world.actions.actionA.id, title: 'Kotikäynti A' }),
        actor: expect.objectContaining({ name: 'Koordinaattori Yksi', role: 'coordinator' }),
      }),
    ]);
    const audit = await testApp.database.db.select().from(auditEvents).where(eq(auditEvents.resource, 'workspace'));
    expect(audit.map((row) => row.familyId)).toContain(world.family.id);
    expect(audit.map((row) => row.familyId)).not.toContain(world.otherFamily.id);
  });

  it('when an invitation waits for an answer, then the workspace says since when, when the reminder is due, and whether it reached anyone', async () => {
    const db = testApp.database.db;
    const invitedAt = new Date('2027-12-03T10:00:00Z'); // a Friday; Monday 6 December is Independence Day
    await db.update(serviceRoles).set({ invitedAt }).where(eq(serviceRoles.id, world.roles.roleCInvited.id));
    const agent = await agentOf('coordinator');
    const waiting = () =>
      agent.get('/api/workspace').then((response) => coordinatorWorkspaceSchema.parse(response.body).unansweredInvitations[0]);
    expect(await waiting()).toMatchObject({
      invitedAt: invitedAt.toISOString(),
      reminderDueAt: '2027-12-08T10:00:00.000Z',
      reminder: null,
    });
    await db
      .update(serviceRoles)
      .set({ reminderSentAt: new Date('2027-12-08T10:05:00Z'), reminderRecipients: 0 })
      .where(eq(serviceRoles.id, world.roles.roleCInvited.id));
    expect((await waiting())?.reminder).toEqual({ sentAt: '2027-12-08T10:05:00.000Z', recipients: 0 });
    expect((await (await agentOf('otherCoordinator')).get('/api/workspace')).body.unansweredInvitations).toEqual([]);
  });

  it('when a coordinator searches and filters, then only matching families are listed', async () => {
    const agent = await agentOf('coordinator');
    const byName = coordinatorWorkspaceSchema.parse((await agent.get('/api/workspace?q=TESTI')).body);
    expect(byName.families.map((family) => family.name)).toEqual(['Perhe Testinen']);
    const byStatus = coordinatorWorkspaceSchema.parse((await agent.get('/api/workspace?status=closed')).body);
    expect(byStatus.families.map((family) => family.name)).toEqual(['Perhe Suljettu']);
    const later = coordinatorWorkspaceSchema.parse(
      (await agent.get(`/api/workspace?since=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`)).body,
    );
    expect(later.recentChanges).toEqual({ count: 0, families: [], latest: [] });
  });

  it('when a worker opens the workspace, then they see the families where their service works and its actions due within 14 days', async () => {
    const response = await (await agentOf('workerA')).get('/api/workspace');
    expect(response.status).toBe(200);
    const workspace = workerWorkspaceSchema.parse(response.body);
    expect(workspace.families.map((family) => family.id)).toEqual([world.family.id]);
    expect(workspace.dueActions.map((row) => row.action.title)).toEqual(['Myöhässä A', 'Pian A']);
    expect(workspace.dueActions[0]!.service?.id).toBe(world.services.serviceA.id);
  });

  it.each<[PersonKey, number]>([
    ['guardian', 404],
    ['manager', 404],
    ['admin', 404],
  ])('when %s asks for a workspace, then %i', async (person, status) => {
    expect((await (await agentOf(person)).get('/api/workspace')).status).toBe(status);
  });

  it.each<[string, string]>([
    ['an unknown status', 'status=finished'],
    ['a since that is not a moment', 'since=yesterday'],
    ['an unknown parameter', 'sort=name'],
    ['an oversize search', `q=${'x'.repeat(101)}`],
  ])('when the query has %s, then 400', async (_case, query) => {
    const response = await (await agentOf('coordinator')).get(`/api/workspace?${query}`);
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('validation_failed');
  });
});
