import { endings, goalSchema, planSchema, type AttainmentScale, type Goal } from '@yhdessa/shared';
import { and, desc, eq } from 'drizzle-orm';
import { auditEvents } from '../../db/tables/audit';
import { goals } from '../../db/tables/goals';
import { helsinkiToday } from '../../test/dates';
import { signInAs, startTestApp, type TestApp } from '../../test/test-app';
import { buildWorld, type PersonKey, type World } from '../../test/world';

let testApp: TestApp;
let world: World;

beforeAll(async () => {
  testApp = await startTestApp();
  world = await buildWorld(testApp.database.db);
});
afterAll(() => testApp.close());

const agentOf = (person: PersonKey) => signInAs(testApp.app, world.people[person]);
const goalsUrl = () => `/api/families/${world.family.id}/goals`;
const scale: AttainmentScale = {
  muchLess: 'Riitaa joka aamu',
  less: 'Kaksi hyvää aamua viikossa',
  expected: 'Neljä hyvää aamua viikossa',
  more: 'Viisi hyvää aamua',
  muchMore: '',
};

/** A goal the coordinator writes, made on `madeOn` (today unless given). */
async function newGoal(body: object = {}, madeOn?: string): Promise<Goal> {
  const response = await (await agentOf('coordinator')).post(goalsUrl()).send({ title: 'Aamut sujuvat', ...body });
  expect(response.status).toBe(201);
  const goal = goalSchema.parse(response.body);
  if (madeOn)
    await testApp.database.db
      .update(goals)
      .set({ createdAt: new Date(`${madeOn}T09:00:00Z`) })
      .where(eq(goals.id, goal.id));
  return goal;
}

async function goalRow(id: string) {
  const [row] = await testApp.database.db.select().from(goals).where(eq(goals.id, id));
  return row!;
}

async function lastAuditOf(goalId: string) {
  const [row] = await testApp.database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.resource, 'goal'), eq(auditEvents.resourceId, goalId)))
    .orderBy(desc(auditEvents.id))
    .limit(1);
  return row!;
}

describe('how a goal ends', () => {
  it.each(endings)(
    'when the coordinator ends a goal as %s on a day, then the goal says so, the audit row and the goal event record it',
    async (ending) => {
      const goal = await newGoal({}, '2025-01-10');
      const response = await (
        await agentOf('coordinator')
      )
        .post(`${goalsUrl()}/${goal.id}/end`)
        .send({ ending, endedOn: '2025-03-01', version: goal.version });
      expect(response.status).toBe(200);
      expect(goalSchema.parse(response.body)).toMatchObject({
        status: ending,
        endedOn: '2025-03-01',
        attainedLevel: null,
        version: goal.version + 1,
      });
      expect(testApp.published.at(-1)).toMatchObject({ type: 'goal.updated', id: goal.id, version: goal.version + 1 });
      expect(await lastAuditOf(goal.id)).toMatchObject({
        action: 'update',
        outcome: 'allowed',
        basis: 'coordinator',
        detail: { status: { from: 'open', to: ending }, endedOn: '2025-03-01', attainedLevel: null },
      });
    },
  );

  it('when no day is given, then the goal ends today in the municipality', async () => {
    const goal = await newGoal();
    const response = await (
      await agentOf('coordinator')
    )
      .post(`${goalsUrl()}/${goal.id}/end`)
      .send({ ending: 'partly_reached', version: goal.version });
    expect(goalSchema.parse(response.body)).toMatchObject({ status: 'partly_reached', endedOn: helsinkiToday() });
  });

  it('when an ended goal is reopened, then its ending, day and level are cleared, audited and announced', async () => {
    const goal = await newGoal({ attainmentScale: scale }, '2025-01-10');
    const coordinator = await agentOf('coordinator');
    const ended = goalSchema.parse(
      (
        await coordinator
          .post(`${goalsUrl()}/${goal.id}/end`)
          .send({ ending: 'reached', endedOn: '2025-02-01', attainedLevel: 1, version: goal.version })
          .expect(200)
      ).body,
    );
    const response = await coordinator.post(`${goalsUrl()}/${goal.id}/reopen`).send({ version: ended.version });
    expect(response.status).toBe(200);
    expect(goalSchema.parse(response.body)).toMatchObject({
      status: 'open',
      endedOn: null,
      attainedLevel: null,
      attainmentScale: scale,
      version: ended.version + 1,
    });
    expect(testApp.published.at(-1)).toMatchObject({ type: 'goal.updated', id: goal.id, version: ended.version + 1 });
    expect((await lastAuditOf(goal.id)).detail).toEqual({ status: { from: 'reached', to: 'open' } });

    const again = await coordinator.post(`${goalsUrl()}/${goal.id}/reopen`).send({ version: ended.version + 1 });
    expect(again.status).toBe(400);
  });

  it('when an ended goal is ended again, then how and when it ended are corrected', async () => {
    const goal = await newGoal({}, '2025-01-10');
    const coordinator = await agentOf('coordinator');
    const first = goalSchema.parse(
      (
        await coordinator
          .post(`${goalsUrl()}/${goal.id}/end`)
          .send({ ending: 'not_reached', endedOn: '2025-02-01', version: goal.version })
          .expect(200)
      ).body,
    );
    const corrected = await coordinator
      .post(`${goalsUrl()}/${goal.id}/end`)
      .send({ ending: 'partly_reached', endedOn: '2025-02-03', version: first.version });
    expect(goalSchema.parse(corrected.body)).toMatchObject({ status: 'partly_reached', endedOn: '2025-02-03' });
    expect((await lastAuditOf(goal.id)).detail).toMatchObject({ status: { from: 'not_reached', to: 'partly_reached' } });
  });

  it.each([
    ['in the future', () => helsinkiToday(1)],
    ['before the goal was made', () => '2025-01-09'],
  ])('when the day is %s, then 400 names the day and nothing changes', async (_case, day) => {
    const goal = await newGoal({}, '2025-01-10');
    const before = await goalRow(goal.id);
    const response = await (
      await agentOf('coordinator')
    )
      .post(`${goalsUrl()}/${goal.id}/end`)
      .send({ ending: 'reached', endedOn: day(), version: goal.version });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ path: 'body.endedOn' })]);
    expect(await goalRow(goal.id)).toEqual(before);
  });

  it('when the day the goal was made is given, then it may end that day', async () => {
    const goal = await newGoal({}, '2025-01-10');
    const response = await (
      await agentOf('coordinator')
    )
      .post(`${goalsUrl()}/${goal.id}/end`)
      .send({ ending: 'dropped', endedOn: '2025-01-10', version: goal.version });
    expect(response.status).toBe(200);
  });

  it('when the version is stale, then ending and reopening answer 409 with the goal as it is, and nothing changes', async () => {
    const goal = await newGoal();
    const coordinator = await agentOf('coordinator');
    await coordinator.patch(`${goalsUrl()}/${goal.id}`).send({ title: 'Toinen ehti ensin', version: goal.version }).expect(200);
    const before = await goalRow(goal.id);
    const end = await coordinator.post(`${goalsUrl()}/${goal.id}/end`).send({ ending: 'reached', version: goal.version });
    expect(end.status).toBe(409);
    expect(end.body).toMatchObject({ code: 'version_conflict', current: { title: 'Toinen ehti ensin', status: 'open' } });
    const reopen = await coordinator.post(`${goalsUrl()}/${goal.id}/reopen`).send({ version: goal.version });
    expect(reopen.status).toBe(409);
    expect(await goalRow(goal.id)).toEqual(before);
  });

  it.each<[PersonKey, number]>([
    ['guardian', 403],
    ['youngMember', 403],
    ['workerA', 403],
    ['workerB', 404],
    ['otherCoordinator', 404],
    ['otherGuardian', 404],
  ])('when %s ends or reopens a goal, then %i, the refusal is audited and nothing changes', async (person, status) => {
    const goal = await newGoal();
    const before = await goalRow(goal.id);
    const agent = await agentOf(person);
    const end = await agent.post(`${goalsUrl()}/${goal.id}/end`).send({ ending: 'reached', version: goal.version });
    const reopen = await agent.post(`${goalsUrl()}/${goal.id}/reopen`).send({ version: goal.version });
    expect([end.status, reopen.status]).toEqual([status, status]);
    expect(await goalRow(goal.id)).toEqual(before);
    const [refusal] = await testApp.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.actorId, world.people[person].id), eq(auditEvents.outcome, 'denied')))
      .orderBy(desc(auditEvents.id))
      .limit(1);
    expect(refusal).toBeDefined();
  });
});

describe('goal attainment scaling', () => {
  it('when a goal with levels ends, then the level it attained is recorded and stays queryable per family', async () => {
    const goal = await newGoal({ attainmentScale: scale });
    expect(goal.attainmentScale).toEqual(scale);
    const coordinator = await agentOf('coordinator');
    const missing = await coordinator.post(`${goalsUrl()}/${goal.id}/end`).send({ ending: 'reached', version: goal.version });
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toEqual([expect.objectContaining({ path: 'body.attainedLevel' })]);

    const ended = await coordinator
      .post(`${goalsUrl()}/${goal.id}/end`)
      .send({ ending: 'reached', attainedLevel: -1, version: goal.version });
    expect(goalSchema.parse(ended.body)).toMatchObject({ status: 'reached', attainedLevel: -1 });
    const levels = await testApp.database.db
      .select({ level: goals.attainedLevel })
      .from(goals)
      .where(and(eq(goals.familyId, world.family.id), eq(goals.id, goal.id)));
    expect(levels).toEqual([{ level: -1 }]);
  });

  it.each([
    ['the expected outcome is not described', { attainmentScale: { ...scale, expected: '  ' } }, 'body.attainmentScale.expected'],
    ['a level is left out', { attainmentScale: { expected: 'Neljä' } }, 'body.attainmentScale.muchLess'],
    ['a level is too long', { attainmentScale: { ...scale, more: 'x'.repeat(301) } }, 'body.attainmentScale.more'],
  ])('when %s, then the goal is not made and 400 names the level', async (_case, body, path) => {
    const response = await (await agentOf('coordinator')).post(goalsUrl()).send({ title: 'Tasot', ...body });
    expect(response.status).toBe(400);
    expect(response.body.errors.map((error: { path: string }) => error.path)).toContain(path);
  });

  it.each([
    ['a level for a goal without levels', {}, { ending: 'reached', attainedLevel: 0 }],
    ['a level for a dropped goal', { attainmentScale: scale }, { ending: 'dropped', attainedLevel: 0 }],
    ['a level out of range', { attainmentScale: scale }, { ending: 'reached', attainedLevel: 3 }],
  ])('when the ending gives %s, then 400 names the level', async (_case, goalBody, endBody) => {
    const goal = await newGoal(goalBody);
    const response = await (
      await agentOf('coordinator')
    )
      .post(`${goalsUrl()}/${goal.id}/end`)
      .send({ ...endBody, version: goal.version });
    expect(response.status).toBe(400);
    expect(response.body.errors.map((error: { path: string }) => error.path)).toEqual(['body.attainedLevel']);
  });

  it('when a goal with levels is dropped, then no level is recorded', async () => {
    const goal = await newGoal({ attainmentScale: scale });
    const response = await (
      await agentOf('coordinator')
    )
      .post(`${goalsUrl()}/${goal.id}/end`)
      .send({ ending: 'dropped', version: goal.version });
    expect(goalSchema.parse(response.body)).toMatchObject({ status: 'dropped', attainedLevel: null, attainmentScale: scale });
  });

  it('when the levels are changed, then only while the goal is open', async () => {
    const goal = await newGoal();
    const coordinator = await agentOf('coordinator');
    const scaled = goalSchema.parse(
      (await coordinator.patch(`${goalsUrl()}/${goal.id}`).send({ attainmentScale: scale, version: goal.version }).expect(200))
        .body,
    );
    expect(scaled.attainmentScale).toEqual(scale);
    const ended = goalSchema.parse(
      (
        await coordinator
          .post(`${goalsUrl()}/${goal.id}/end`)
          .send({ ending: 'not_reached', attainedLevel: -2, version: scaled.version })
          .expect(200)
      ).body,
    );
    const refused = await coordinator
      .patch(`${goalsUrl()}/${goal.id}`)
      .send({ attainmentScale: { ...scale, expected: 'Jotain muuta' }, version: ended.version });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([expect.objectContaining({ path: 'body.attainmentScale' })]);
    expect((await goalRow(goal.id)).attainmentScale).toEqual(scale);
  });
});

describe("the family's attainment summary in the plan", () => {
  it('when goals have ended in different ways, then the plan counts them as the family sees it', async () => {
    const plan = planSchema.parse((await (await agentOf('guardian')).get(`/api/families/${world.family.id}/plan`)).body);
    const count = (status: Goal['status']) => plan.goals.filter((goal) => goal.status === status).length;
    expect(plan.attainment).toMatchObject({
      total: plan.goals.length,
      open: count('open'),
      reached: count('reached'),
      partlyReached: count('partly_reached'),
      notReached: count('not_reached'),
      dropped: count('dropped'),
    });
    const levels = plan.goals.flatMap((goal) => (goal.attainedLevel === null ? [] : [goal.attainedLevel]));
    expect(plan.attainment.levels.reduce((sum, entry) => sum + entry.count, 0)).toBe(levels.length);
    expect(levels.length).toBeGreaterThan(0);
  });

  it('when a service does not see the goals, then its summary counts none', async () => {
    const plan = planSchema.parse((await (await agentOf('workerB')).get(`/api/families/${world.family.id}/plan`)).body);
    expect(plan.attainment.total).toBe(0);
  });
});
