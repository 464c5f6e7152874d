import { actionSchema } from '@yhdessa/shared';
import { eq } from 'drizzle-orm';
import { families } from '../../db/tables/families';
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
      dueOn: '2000-01-01',
      goalId: world.goal.id,
      version: 1,
    });
    expect(response.status).toBe(200);
    expect(actionSchema.parse(response.body)).toMatchObject({
      title: 'Kotikäynti torstaisin',
      ownerName: 'Työntekijä A',
      dueOn: '2000-01-01',
      goalId: world.goal.id,
      overdue: true,
      version: 2,
    });
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
    const overdueIds = workspace.overdueActions.map((row: { action: { id: string } }) => row.action.id);
    expect([overdueIds.includes(yesterday.id), overdueIds.includes(today.id)]).toEqual([true, false]);

    const list = (await coordinator.get('/api/families')).body;
    const summary = list.families.find((family: { id: string }) => family.id === world.family.id);
    const overdueInPlan = plan.familyActions
      .concat(plan.serviceRoles.flatMap((role: { actions: unknown[] }) => role.actions))
      .filter((action: { overdue: boolean }) => action.overdue).length;
    expect(summary.overdueActionCount).toBe(overdueInPlan);
  });
});
