import { coordinatorWorkspaceSchema, workerWorkspaceSchema, workspaceActionPageSchema } from '@yhdessa/shared';
import { and, eq, inArray } from 'drizzle-orm';
import { auditEvents } from '../../db/tables/audit';
import { reviews } from '../../db/tables/reviews';
import { serviceRoles } from '../../db/tables/service-roles';
import { buildAccount, buildAction, buildFamily, buildService, buildServiceRole } from '../../test/factories';
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
    expect(workspace.overdueActions.actions.map((row) => row.action.title)).toEqual(['Myöhässä A', 'Myöhässä B']);
    expect(workspace.overdueActions).toMatchObject({ count: 2, nextCursor: null });
    expect(workspace.overdueActions.actions[0]!.family).toEqual({ id: world.family.id, name: 'Perhe Testinen' });
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

  it('when the period is asked for, then the recent changes keep to it', async () => {
    const agent = await agentOf('coordinator');
    const later = coordinatorWorkspaceSchema.parse(
      (await agent.get(`/api/workspace?since=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`)).body,
    );
    expect(later.recentChanges).toEqual({ count: 0, families: [], latest: [] });
  });

  it("when a worker opens the workspace, then they see their service's actions due within 14 days", async () => {
    const response = await (await agentOf('workerA')).get('/api/workspace');
    expect(response.status).toBe(200);
    const workspace = workerWorkspaceSchema.parse(response.body);
    expect(workspace.dueActions.actions.map((row) => row.action.title)).toEqual(['Myöhässä A', 'Pian A']);
    expect(workspace.dueActions).toMatchObject({ count: 2, nextCursor: null });
    expect(workspace.dueActions.actions[0]!.service?.id).toBe(world.services.serviceA.id);
  });

  it.each<[PersonKey, number]>([
    ['guardian', 404],
    ['manager', 404],
    ['admin', 404],
  ])('when %s asks for a workspace, then %i', async (person, status) => {
    expect((await (await agentOf(person)).get('/api/workspace')).status).toBe(status);
  });

  it.each<[string, string]>([
    ['a since that is not a moment', 'since=yesterday'],
    ['an unknown parameter', 'sort=name'],
    ['a search, which the family list does', 'q=testi'],
  ])('when the query has %s, then 400', async (_case, query) => {
    const response = await (await agentOf('coordinator')).get(`/api/workspace?${query}`);
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('validation_failed');
  });
});

describe('GET /api/workspace/actions', () => {
  const actionsPage = async (agent: Awaited<ReturnType<typeof agentOf>>, query: string) => {
    const response = await agent.get(`/api/workspace/actions${query}`);
    expect(response.status).toBe(200);
    return workspaceActionPageSchema.parse(response.body);
  };

  it('when a coordinator has more overdue actions than the workspace shows, then the rest follow a page at a time, the earliest due first', async () => {
    const db = testApp.database.db;
    const coordinator = await buildAccount(db, { role: 'coordinator', name: 'Koordinaattori Kiireinen' });
    const busy = await buildFamily(db, { coordinatorId: coordinator.id, name: 'Perhe Kiire' });
    for (let late = 1; late <= 12; late += 1) await buildAction(db, busy.id, { title: `Myöhässä ${late}`, dueOn: day(-late) });
    await buildAction(db, busy.id, { title: 'Tehty', dueOn: day(-20), status: 'done' });
    const closed = await buildFamily(db, { coordinatorId: coordinator.id, name: 'Perhe Kiire Suljettu', status: 'closed' });
    await buildAction(db, closed.id, { title: 'Suljetun', dueOn: day(-20) });
    const agent = await signInAs(testApp.app, coordinator);

    const workspace = coordinatorWorkspaceSchema.parse((await agent.get('/api/workspace')).body);
    const titles = (late: number[]) => late.map((days) => `Myöhässä ${days}`);
    expect(workspace.overdueActions.actions.map((row) => row.action.title)).toEqual(titles([12, 11, 10, 9, 8, 7, 6, 5, 4, 3]));
    expect(workspace.overdueActions.count).toBe(12);
    const rest = await actionsPage(agent, `?cursor=${workspace.overdueActions.nextCursor}&limit=1`);
    expect(rest).toMatchObject({
      count: 12,
      actions: [expect.objectContaining({ action: expect.objectContaining({ title: 'Myöhässä 2' }) })],
    });
    const last = await actionsPage(agent, `?cursor=${rest.nextCursor}`);
    expect(last.actions.map((row) => row.action.title)).toEqual(titles([1]));
    expect(last.nextCursor).toBeNull();
    const whole = await actionsPage(agent, '?limit=100');
    expect(whole.actions).toHaveLength(12);

    // Another coordinator cannot continue from these actions.
    const other = await (await agentOf('coordinator')).get(`/api/workspace/actions?cursor=${rest.nextCursor}`);
    expect(other.status).toBe(400);
    expect(other.body.errors).toEqual([expect.objectContaining({ path: 'query.cursor' })]);
  });

  it("when a worker pages their due actions, then they hold only their services' actions, and each page's families are audited", async () => {
    const db = testApp.database.db;
    const service = await buildService(db, world.services.serviceA.organisationId, 'Nuorisotyö');
    const worker = await buildAccount(db, { role: 'worker', serviceIds: [service.id], name: 'Nuorisotyöntekijä' });
    const families = [];
    for (const name of ['Perhe Nuori A', 'Perhe Nuori B', 'Perhe Nuori C']) {
      const family = await buildFamily(db, { coordinatorId: world.people.otherCoordinator.id, name });
      const role = await buildServiceRole(db, family.id, service.id);
      await buildAction(db, family.id, { serviceRoleId: role.id, title: `Tapaa ${name}`, dueOn: day(families.length) });
      await buildAction(db, family.id, { serviceRoleId: null, title: `Perheen oma ${name}`, dueOn: day(1) });
      families.push(family.id);
    }
    const agent = await signInAs(testApp.app, worker);
    const workspace = workerWorkspaceSchema.parse((await agent.get('/api/workspace')).body);
    expect(workspace.dueActions.count).toBe(3);
    const first = await actionsPage(agent, '?limit=2');
    const second = await actionsPage(agent, `?limit=2&cursor=${first.nextCursor}`);
    expect([...first.actions, ...second.actions].map((row) => row.action.title)).toEqual([
      'Tapaa Perhe Nuori A',
      'Tapaa Perhe Nuori B',
      'Tapaa Perhe Nuori C',
    ]);
    expect(second.nextCursor).toBeNull();
    const audited = await db
      .select({ familyId: auditEvents.familyId })
      .from(auditEvents)
      .where(
        and(eq(auditEvents.actorId, worker.id), eq(auditEvents.resource, 'workspace'), inArray(auditEvents.familyId, families)),
      );
    expect(new Set(audited.map((row) => row.familyId))).toEqual(new Set(families));
  });

  it.each<[PersonKey, number]>([
    ['guardian', 404],
    ['manager', 404],
    ['admin', 404],
  ])('when %s asks for workspace actions, then %i', async (person, status) => {
    expect((await (await agentOf(person)).get('/api/workspace/actions')).status).toBe(status);
  });

  it.each<[string, string]>([
    ['a cursor that is not one', 'cursor=bm90LWpzb24'],
    ['a cursor of the family list', 'cursor=FAMILIES'],
    ['a page too large', 'limit=101'],
  ])('when the query has %s, then 400', async (_case, query) => {
    const agent = await agentOf('coordinator');
    const families = (await agent.get('/api/families?limit=1')).body;
    const response = await agent.get(`/api/workspace/actions?${query.replace('FAMILIES', families.nextCursor)}`);
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('validation_failed');
  });
});
