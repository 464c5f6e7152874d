import { actionFieldMaxLengths, actionSchema } from '@yhdessa/shared';
import { eq } from 'drizzle-orm';
import { families } from '../../db/tables/families';
import { helsinkiToday } from '../../test/dates';
import { buildAction } from '../../test/factories';
import { signInAs, startTestApp, type TestApp } from '../../test/test-app';
import { buildWorld, type PersonKey, type World } from '../../test/world';
import { actions } from '../../db/tables/actions';

let testApp: TestApp;
let world: World;

beforeAll(async () => {
  testApp = await startTestApp();
  world = await buildWorld(testApp.database.db);
});
afterAll(() => testApp.close());

const agentOf = (person: PersonKey) => signInAs(testApp.app, world.people[person]);
const url = () => `/api/families/${world.family.id}/actions`;

describe('POST /api/families/:familyId/actions', () => {
  it.each<[PersonKey, 'roleA' | 'roleB' | null, number]>([
    ['workerA', 'roleA', 201],
    ['workerA', 'roleB', 403],
    ['workerA', null, 403],
    ['guardian', null, 201],
    ['guardian', 'roleA', 403],
    ['coordinator', 'roleB', 201],
    ['workerC', 'roleA', 404],
  ])('when %s adds an action to %s, then %i', async (person, roleKey, status) => {
    const before = await testApp.database.db.select().from(actions);
    const response = await (await agentOf(person)).post(url()).send({
      serviceRoleId: roleKey ? world.roles[roleKey].id : null,
      title: 'Uusi tehtävä',
      ownerName: 'Joku',
      dueOn: '2099-01-01',
    });
    expect(response.status).toBe(status);
    if (status === 201) {
      expect(actionSchema.parse(response.body)).toMatchObject({ status: 'planned', overdue: false, version: 1 });
      expect(testApp.published.at(-1)).toMatchObject({ type: 'action.created', id: response.body.id });
    } else expect(await testApp.database.db.select().from(actions)).toHaveLength(before.length);
  });

  it('when the role is only invited or the goal is of another family, then 400', async () => {
    const coordinator = await agentOf('coordinator');
    const invited = await coordinator.post(url()).send({ serviceRoleId: world.roles.roleCInvited.id, title: 'x' });
    expect(invited.status).toBe(400);
    const goal = await coordinator
      .post(url())
      .send({ serviceRoleId: null, goalId: '00000000-0000-4000-8000-000000000000', title: 'x' });
    expect(goal.body.errors).toEqual([expect.objectContaining({ path: 'body.goalId' })]);
  });

  it('when the case is closed, then no action is added', async () => {
    await testApp.database.db.update(families).set({ status: 'closed' }).where(eq(families.id, world.family.id));
    const response = await (await agentOf('coordinator')).post(url()).send({ serviceRoleId: null, title: 'x' });
    await testApp.database.db.update(families).set({ status: 'active' }).where(eq(families.id, world.family.id));
    expect(response.body.code).toBe('case_closed');
  });
});

describe('PATCH: editing every field of an action', () => {
  it('when a worker edits the title, owner, due date and goal of their own action, then all change in one version', async () => {
    const action = await buildAction(testApp.database.db, world.family.id, { serviceRoleId: world.roles.roleA.id });
    const response = await (await agentOf('workerA')).patch(`${url()}/${action.id}`).send({
      title: 'Kotikäynti torstaisin',
      ownerName: 'Työntekijä A',
      dueOn: helsinkiToday(14),
      goalId: world.goal.id,
      version: 1,
    });
    expect(response.status).toBe(200);
    expect(actionSchema.parse(response.body)).toMatchObject({
      title: 'Kotikäynti torstaisin',
      ownerName: 'Työntekijä A',
      dueOn: helsinkiToday(14),
      goalId: world.goal.id,
      overdue: false,
      version: 2,
    });
  });

  it.each<[PersonKey, 'actionA' | 'actionB' | 'familyAction', number]>([
    ['coordinator', 'actionA', 200],
    ['coordinator', 'familyAction', 200],
    ['workerA', 'actionA', 200],
    ['workerA', 'actionB', 403],
    ['workerB', 'familyAction', 403],
    ['guardian', 'familyAction', 200],
    ['guardian', 'actionB', 403],
    ['youngMember', 'familyAction', 200],
    ['otherCoordinator', 'actionA', 404],
    ['workerC', 'familyAction', 404],
    ['otherGuardian', 'familyAction', 404],
    ['manager', 'actionA', 404],
    ['admin', 'familyAction', 404],
  ])('when %s rewords %s and moves its due date, then %i; a refusal changes nothing', async (person, key, status) => {
    const [before] = await testApp.database.db.select().from(actions).where(eq(actions.id, world.actions[key].id));
    const response = await (await agentOf(person)).patch(`${url()}/${before!.id}`).send({
      title: `${before!.title} (${person})`,
      ownerName: 'Uusi tekijä',
      dueOn: helsinkiToday(3),
      version: before!.version,
    });
    expect(response.status).toBe(status);
    const [after] = await testApp.database.db.select().from(actions).where(eq(actions.id, before!.id));
    if (status === 200) expect(after).toMatchObject({ title: `${before!.title} (${person})`, version: before!.version + 1 });
    else expect(after).toEqual(before);
  });

  it("when the coordinator edits another family's action through their own family's URL, then 404 and it stays", async () => {
    const [before] = await testApp.database.db.select().from(actions).where(eq(actions.id, world.otherAction.id));
    const response = await (
      await agentOf('coordinator')
    )
      .patch(`${url()}/${before!.id}`)
      .send({ title: 'Ei meidän', version: before!.version });
    expect(response.status).toBe(404);
    expect((await testApp.database.db.select().from(actions).where(eq(actions.id, before!.id)))[0]).toEqual(before);
  });

  it('when a due date is in the past, then a new action or a moved date answers 400 on it; a passed date kept as it was stays', async () => {
    const coordinator = await agentOf('coordinator');
    const count = async () => (await testApp.database.db.select().from(actions)).length;
    const before = await count();
    const past = await coordinator.post(url()).send({ serviceRoleId: null, title: 'Eiliseen', dueOn: helsinkiToday(-1) });
    expect(past.status).toBe(400);
    expect(past.body).toMatchObject({ code: 'validation_failed', errors: [{ path: 'body.dueOn' }] });
    expect(await count()).toBe(before);
    const today = actionSchema.parse(
      (await coordinator.post(url()).send({ serviceRoleId: null, title: 'Tänään', dueOn: helsinkiToday() }).expect(201)).body,
    );

    await testApp.database.db.update(actions).set({ dueOn: '2024-05-01' }).where(eq(actions.id, today.id));
    const moved = await coordinator.patch(`${url()}/${today.id}`).send({ dueOn: '2024-06-01', version: today.version });
    expect(moved.status).toBe(400);
    expect(moved.body.errors).toEqual([expect.objectContaining({ path: 'body.dueOn' })]);
    const kept = await coordinator
      .patch(`${url()}/${today.id}`)
      .send({ title: 'Tänään, sanat uusiksi', dueOn: '2024-05-01', version: today.version });
    expect(kept.status).toBe(200);
    expect(kept.body).toMatchObject({ dueOn: '2024-05-01', overdue: true, version: today.version + 1 });
  });

  it('when a title or owner is too long, then 400 names it and nothing is cut or saved; the limit itself is kept whole', async () => {
    const coordinator = await agentOf('coordinator');
    const created = await coordinator
      .post(url())
      .send({ serviceRoleId: null, title: 'x'.repeat(actionFieldMaxLengths.title + 1) });
    expect(created.body.errors).toEqual([expect.objectContaining({ path: 'body.title' })]);
    const [before] = await testApp.database.db.select().from(actions).where(eq(actions.id, world.actions.familyAction.id));
    const owner = await coordinator
      .patch(`${url()}/${before!.id}`)
      .send({ ownerName: 'o'.repeat(actionFieldMaxLengths.ownerName + 1), version: before!.version });
    expect(owner.body.errors).toEqual([expect.objectContaining({ path: 'body.ownerName' })]);
    expect((await testApp.database.db.select().from(actions).where(eq(actions.id, before!.id)))[0]).toEqual(before);
    const full = await coordinator.post(url()).send({ serviceRoleId: null, title: 't'.repeat(actionFieldMaxLengths.title) });
    expect(full.body.title).toHaveLength(actionFieldMaxLengths.title);
  });

  it('when a service the goals are not shared with unlinks an action from its goal, then 400 and the link stays', async () => {
    const action = await buildAction(testApp.database.db, world.family.id, { serviceRoleId: world.roles.roleB.id });
    await testApp.database.db.update(actions).set({ goalId: world.goal.id }).where(eq(actions.id, action.id));
    const response = await (await agentOf('workerB')).patch(`${url()}/${action.id}`).send({ goalId: null, version: 1 });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ path: 'body.goalId' })]);
    const [row] = await testApp.database.db.select().from(actions).where(eq(actions.id, action.id));
    expect(row).toMatchObject({ goalId: world.goal.id, version: 1 });
  });

  it('when a service without consent for goals links a goal, then 400 and nothing changes', async () => {
    const action = await buildAction(testApp.database.db, world.family.id, { serviceRoleId: world.roles.roleB.id });
    const response = await (await agentOf('workerB')).patch(`${url()}/${action.id}`).send({ goalId: world.goal.id, version: 1 });
    expect(response.status).toBe(400);
    const [row] = await testApp.database.db.select().from(actions).where(eq(actions.id, action.id));
    expect(row).toEqual(action);
  });

  it('when an action is done, then it is not overdue however old', async () => {
    const action = await buildAction(testApp.database.db, world.family.id, { dueOn: '2000-01-01', status: 'done' });
    const plan = (await (await agentOf('guardian')).get(`/api/families/${world.family.id}/plan`)).body;
    expect(plan.familyActions.find((entry: { id: string }) => entry.id === action.id)).toMatchObject({ overdue: false });
  });
});

describe('overdue: one rule, on the municipality’s calendar', () => {
  /** A date in Helsinki, computed apart from the server's rule: `YYYY-MM-DD`. */
  const helsinkiDate = (daysFromToday: number) =>
    new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Helsinki' }).format(new Date(Date.now() + daysFromToday * 86_400_000));

  it('when an action was due yesterday in Helsinki, then the plan, the workspace and the family list all call it overdue; due today, none do', async () => {
    const yesterday = await buildAction(testApp.database.db, world.family.id, { title: 'Eilen', dueOn: helsinkiDate(-1) });
    const today = await buildAction(testApp.database.db, world.family.id, { title: 'Tänään', dueOn: helsinkiDate(0) });
    const coordinator = await agentOf('coordinator');

    const plan = (await coordinator.get(`/api/families/${world.family.id}/plan`)).body;
    const inPlan = (id: string) => plan.familyActions.find((entry: { id: string }) => entry.id === id).overdue;
    expect([inPlan(yesterday.id), inPlan(today.id)]).toEqual([true, false]);

    const workspace = (await coordinator.get('/api/workspace')).body;
    const overdueIds = workspace.overdueActions.actions.map((row: { action: { id: string } }) => row.action.id);
    expect([overdueIds.includes(yesterday.id), overdueIds.includes(today.id)]).toEqual([true, false]);

    const list = (await coordinator.get('/api/families')).body;
    const summary = list.families.find((family: { id: string }) => family.id === world.family.id);
    const overdueInPlan = plan.familyActions
      .concat(plan.serviceRoles.flatMap((role: { actions: unknown[] }) => role.actions))
      .filter((action: { overdue: boolean }) => action.overdue).length;
    expect(summary.overdueActionCount).toBe(overdueInPlan);
  });
});
