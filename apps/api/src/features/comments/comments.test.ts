import { commentMaxLength, commentSchema, commentThreadSchema } from '@yhdessa/shared';
import { and, eq } from 'drizzle-orm';
import { auditEvents } from '../../db/tables/audit';
import { comments } from '../../db/tables/comments';
import { serviceRoles } from '../../db/tables/service-roles';
import { buildAction, buildFamily, buildGoal, buildMember, buildServiceRole } from '../../test/factories';
import { signInAs, startTestApp, type TestApp } from '../../test/test-app';
import { buildWorld, type PersonKey, type World } from '../../test/world';

jest.setTimeout(60_000);

let testApp: TestApp;
let world: World;

beforeAll(async () => {
  testApp = await startTestApp();
  world = await buildWorld(testApp.database.db);
});
afterAll(() => testApp.close());

const agentOf = (person: PersonKey) => signInAs(testApp.app, world.people[person]);
const goalUrl = (familyId = world.family.id, goalId = world.goal.id) => `/api/families/${familyId}/goals/${goalId}/comments`;
const actionUrl = (familyId = world.family.id, actionId = world.actions.actionB.id) =>
  `/api/families/${familyId}/actions/${actionId}/comments`;
const commentCount = async () => (await testApp.database.db.select().from(comments)).length;

describe('comments on a goal', () => {
  it('when the guardian comments on a goal, then the coordinator reads it, it is audited and heard as goal.commented', async () => {
    const created = await (await agentOf('guardian')).post(goalUrl()).send({ body: '  Aamut ovat jo helpompia.  ' });
    expect(created.status).toBe(201);
    const comment = commentSchema.parse(created.body);
    expect(comment).toMatchObject({ body: 'Aamut ovat jo helpompia.', author: { id: world.people.guardian.id } });
    expect(testApp.published).toContainEqual(
      expect.objectContaining({ type: 'goal.commented', familyId: world.family.id, id: comment.id }),
    );

    const read = await (await agentOf('coordinator')).get(goalUrl());
    expect(read.status).toBe(200);
    const thread = commentThreadSchema.parse(read.body);
    expect(thread.comments.map((each) => each.id)).toContain(comment.id);
    expect(thread.can.comment).toBe(true);

    const audit = await testApp.database.db.select().from(auditEvents).where(eq(auditEvents.resource, 'goal-comment'));
    expect(audit).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'create', resourceId: comment.id, actorId: world.people.guardian.id }),
        expect.objectContaining({ action: 'read', resourceId: world.goal.id, actorId: world.people.coordinator.id }),
      ]),
    );
  });

  it.each<[PersonKey, number]>([
    ['coordinator', 201],
    ['guardian', 201],
    ['youngMember', 201],
    ['workerA', 201],
    ['workerB', 404],
    ['workerC', 404],
    ['otherCoordinator', 404],
    ['otherGuardian', 404],
    ['manager', 404],
    ['admin', 404],
  ])('when %s reads and comments on a goal, then %i', async (person, status) => {
    const agent = await agentOf(person);
    const before = await commentCount();
    expect((await agent.get(goalUrl())).status).toBe(status === 201 ? 200 : status);
    expect((await agent.post(goalUrl()).send({ body: `Kommentti: ${person}` })).status).toBe(status);
    expect(await commentCount()).toBe(before + (status === 201 ? 1 : 0));
  });

  it('when a service without the family consent for goals asks, then the refusal is audited as not visible', async () => {
    await (await agentOf('workerB')).get(goalUrl());
    const refusals = await testApp.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.actorId, world.people.workerB.id), eq(auditEvents.resource, 'goal-comment')));
    expect(refusals.map((row) => row.outcome)).toContain('denied');
  });

  it("when the goal is another family's, then it does not exist here", async () => {
    const otherGoal = await buildGoal(testApp.database.db, world.otherFamily.id, 'Muun perheen tavoite');
    const agent = await agentOf('coordinator');
    expect((await agent.get(goalUrl(world.family.id, otherGoal.id))).status).toBe(404);
    expect((await agent.post(goalUrl(world.family.id, otherGoal.id)).send({ body: 'Hei' })).status).toBe(404);
    expect((await agent.get(goalUrl(world.otherFamily.id, otherGoal.id))).status).toBe(404);
  });
});

describe('comments on an action', () => {
  it.each<[PersonKey, number]>([
    ['coordinator', 201],
    ['guardian', 201],
    ['youngMember', 201],
    // Actions are in everyone's plan: a service reads and comments on another service's action too.
    ['workerA', 201],
    ['workerB', 201],
    ['workerC', 404],
    ['otherCoordinator', 404],
    ['otherGuardian', 404],
    ['manager', 404],
    ['admin', 404],
  ])('when %s reads and comments on an action, then %i', async (person, status) => {
    const agent = await agentOf(person);
    const before = await commentCount();
    const read = await agent.get(actionUrl());
    expect(read.status).toBe(status === 201 ? 200 : status);
    const created = await agent.post(actionUrl()).send({ body: `Kommentti: ${person}` });
    expect(created.status).toBe(status);
    expect(await commentCount()).toBe(before + (status === 201 ? 1 : 0));
    if (status === 201)
      expect(testApp.published).toContainEqual(expect.objectContaining({ type: 'action.commented', id: created.body.id }));
  });

  it('when the comments are read, then they come oldest first with their authors', async () => {
    const action = await buildAction(testApp.database.db, world.family.id, { title: 'Järjestyksen tehtävä' });
    await (await agentOf('guardian')).post(actionUrl(world.family.id, action.id)).send({ body: 'Ensin' });
    await (await agentOf('coordinator')).post(actionUrl(world.family.id, action.id)).send({ body: 'Sitten' });
    const thread = commentThreadSchema.parse((await (await agentOf('workerB')).get(actionUrl(world.family.id, action.id))).body);
    expect(thread.comments.map((each) => [each.body, each.author.id])).toEqual([
      ['Ensin', world.people.guardian.id],
      ['Sitten', world.people.coordinator.id],
    ]);
  });

  it("when the action's service role has ended, then its action is out of the plan and so are its comments", async () => {
    const endedRole = await buildServiceRole(testApp.database.db, world.family.id, world.services.serviceB.id, {
      status: 'ended',
    });
    const action = await buildAction(testApp.database.db, world.family.id, { serviceRoleId: endedRole.id });
    const agent = await agentOf('coordinator');
    expect((await agent.get(actionUrl(world.family.id, action.id))).status).toBe(404);
    expect((await agent.post(actionUrl(world.family.id, action.id)).send({ body: 'Hei' })).status).toBe(404);
  });

  it("when the action is another family's, then it does not exist here", async () => {
    const agent = await agentOf('coordinator');
    expect((await agent.get(actionUrl(world.family.id, world.otherAction.id))).status).toBe(404);
    expect((await agent.post(actionUrl(world.family.id, world.otherAction.id)).send({ body: 'Hei' })).status).toBe(404);
  });
});

describe('comments on an action of a role the family keeps from other services', () => {
  it('when the role is hidden, then another service cannot read or comment on its actions, while its own service and the coordinator still can', async () => {
    const db = testApp.database.db;
    await db.update(serviceRoles).set({ hiddenFromOtherServices: true }).where(eq(serviceRoles.id, world.roles.roleB.id));
    try {
      const other = await agentOf('workerA');
      const before = await commentCount();
      expect((await other.get(actionUrl())).status).toBe(404);
      expect((await other.post(actionUrl()).send({ body: 'Mikä tämä on?' })).status).toBe(404);
      expect(await commentCount()).toBe(before);
      for (const person of ['workerB', 'coordinator', 'guardian'] as const)
        expect((await (await agentOf(person)).get(actionUrl())).status).toBe(200);
    } finally {
      await db.update(serviceRoles).set({ hiddenFromOtherServices: false }).where(eq(serviceRoles.id, world.roles.roleB.id));
    }
  });
});

describe('comments on a closed case', () => {
  it('when the case is closed, then its comments are still read and no new one is taken', async () => {
    const db = testApp.database.db;
    const closed = await buildFamily(db, {
      coordinatorId: world.people.coordinator.id,
      status: 'closed',
      name: 'Perhe Suljettu',
    });
    await buildMember(db, closed.id, { relation: 'guardian', accountId: world.people.guardian.id });
    const goal = await buildGoal(db, closed.id);
    const action = await buildAction(db, closed.id);
    const before = await commentCount();
    for (const person of ['guardian', 'coordinator'] as const) {
      const agent = await agentOf(person);
      const thread = await agent.get(goalUrl(closed.id, goal.id));
      expect(thread.status).toBe(200);
      expect(thread.body.can.comment).toBe(false);
      const refused = await agent.post(goalUrl(closed.id, goal.id)).send({ body: 'Vielä' });
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('case_closed');
      expect((await agent.post(actionUrl(closed.id, action.id)).send({ body: 'Vielä' })).status).toBe(409);
    }
    expect(await commentCount()).toBe(before);
  });
});

describe('bad comments', () => {
  it.each<[string, unknown]>([
    ['an empty comment', { body: '   ' }],
    ['no comment', {}],
    ['an oversize comment', { body: 'x'.repeat(commentMaxLength + 1) }],
    ['an unknown field', { body: 'Hei', authorId: 'someone' }],
    ['a comment that is not text', { body: 42 }],
  ])('when the body has %s, then 400 and nothing is kept', async (_case, body) => {
    const agent = await agentOf('guardian');
    const before = await commentCount();
    for (const url of [goalUrl(), actionUrl()]) {
      const response = await agent.post(url).send(body as object);
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('validation_failed');
    }
    expect(await commentCount()).toBe(before);
  });

  it('when the comment is exactly as long as allowed, then it is kept', async () => {
    const response = await (await agentOf('guardian')).post(goalUrl()).send({ body: 'x'.repeat(commentMaxLength) });
    expect(response.status).toBe(201);
  });

  it('when the goal id is not an id, then 400', async () => {
    expect((await (await agentOf('guardian')).get(goalUrl(world.family.id, 'not-an-id'))).status).toBe(400);
  });
});
