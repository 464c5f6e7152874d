import { goalFieldMaxLengths, goalProgressMaxLengths, goalSchema, planSchema } from '@yhdessa/shared';
import { eq } from 'drizzle-orm';
import { families } from '../../db/tables/families';
import { signInAs, startTestApp, type TestApp } from '../../test/test-app';
import { helsinkiToday } from '../../test/dates';
import { buildWorld, type PersonKey, type World } from '../../test/world';
import { goalProgress, goals } from '../../db/tables/goals';

let testApp: TestApp;
let world: World;

beforeAll(async () => {
  testApp = await startTestApp();
  world = await buildWorld(testApp.database.db);
});
afterAll(() => testApp.close());

const agentOf = (person: PersonKey) => signInAs(testApp.app, world.people[person]);
const goalsUrl = () => `/api/families/${world.family.id}/goals`;
async function goalRow(id: string) {
  const [row] = await testApp.database.db.select().from(goals).where(eq(goals.id, id));
  return row!;
}

describe('goals in the family words', () => {
  it('when the guardian adds a goal, then it is in the plan with its owner, and the coordinator hears of it', async () => {
    const response = await (await agentOf('guardian')).post(goalsUrl()).send({
      title: 'Iltaisin on rauhallista',
      ownerName: 'Koko perhe',
      indicator: 'Riitaisat illat viikossa',
      baseline: '5',
      target: '1',
    });
    expect(response.status).toBe(201);
    const goal = goalSchema.parse(response.body);
    expect(goal).toMatchObject({ ownerName: 'Koko perhe', status: 'open', version: 1, progress: [], targetOn: null });
    expect(testApp.published.at(-1)).toMatchObject({ type: 'goal.created', id: goal.id });
    const plan = planSchema.parse((await (await agentOf('coordinator')).get(`/api/families/${world.family.id}/plan`)).body);
    expect(plan.goals.map((entry) => entry.title)).toContain('Iltaisin on rauhallista');
  });

  it.each<[PersonKey, number]>([
    ['workerA', 403],
    ['otherGuardian', 404],
  ])('when %s adds a goal, then %i', async (person, status) => {
    const before = await testApp.database.db.select().from(goals);
    const response = await (await agentOf(person)).post(goalsUrl()).send({ title: 'Ei saa' });
    expect(response.status).toBe(status);
    expect(await testApp.database.db.select().from(goals)).toHaveLength(before.length);
  });

  it('when progress is recorded, then the plan shows the dated entries of the goal, oldest first', async () => {
    const guardian = await agentOf('guardian');
    await guardian
      .post(`${goalsUrl()}/${world.goal.id}/progress`)
      .send({ recordedOn: '2025-02-01', value: '3', note: 'Parempi viikko' })
      .expect(201);
    // Service A has consent for goals: it may record progress too.
    const byWorker = await (
      await agentOf('workerA')
    )
      .post(`${goalsUrl()}/${world.goal.id}/progress`)
      .send({ recordedOn: '2025-03-01', value: '1' });
    expect(byWorker.status).toBe(201);
    expect(goalSchema.parse(byWorker.body).progress.map((entry) => [entry.value, entry.recordedBy.name])).toEqual([
      ['3', 'Huoltaja Testinen'],
      ['1', 'Työntekijä A'],
    ]);
    const plan = planSchema.parse((await guardian.get(`/api/families/${world.family.id}/plan`)).body);
    expect(plan.goals.find((goal) => goal.id === world.goal.id)?.progress).toHaveLength(2);
  });

  it('when a service without consent for goals records progress, then the goal does not exist for it', async () => {
    const before = await testApp.database.db.select().from(goalProgress);
    const response = await (
      await agentOf('workerB')
    )
      .post(`${goalsUrl()}/${world.goal.id}/progress`)
      .send({ recordedOn: '2025-03-01', value: '1' });
    expect(response.status).toBe(404);
    expect(await testApp.database.db.select().from(goalProgress)).toHaveLength(before.length);
  });

  it('when the coordinator rewords a goal, then it is versioned; a stale version answers 409 and changes nothing', async () => {
    const before = await goalRow(world.goal.id);
    const coordinator = await agentOf('coordinator');
    const response = await coordinator
      .patch(`${goalsUrl()}/${before.id}`)
      .send({ title: 'Aamut sujuvat rauhassa', indicator: '', version: before.version });
    expect(response.status).toBe(200);
    expect(goalSchema.parse(response.body)).toMatchObject({
      title: 'Aamut sujuvat rauhassa',
      indicator: '',
      status: 'open',
      version: before.version + 1,
    });
    expect(testApp.published.at(-1)).toMatchObject({ type: 'goal.updated', id: before.id, version: before.version + 1 });

    const after = await goalRow(before.id);
    const stale = await coordinator.patch(`${goalsUrl()}/${before.id}`).send({ title: 'Vanha', version: before.version });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      code: 'version_conflict',
      current: { title: 'Aamut sujuvat rauhassa', version: after.version },
    });
    expect(await goalRow(before.id)).toEqual(after);
  });

  it('when a target date is in the past, then a new goal or a moved date answers 400 on it; a date kept as it was passes', async () => {
    const coordinator = await agentOf('coordinator');
    const created = await coordinator.post(goalsUrl()).send({ title: 'Menneeseen', targetOn: helsinkiToday(-1) });
    expect(created.status).toBe(400);
    expect(created.body.errors).toEqual([expect.objectContaining({ path: 'body.targetOn' })]);
    const today = goalSchema.parse(
      (await coordinator.post(goalsUrl()).send({ title: 'Tänään', targetOn: helsinkiToday() }).expect(201)).body,
    );

    // Days pass: the target date is now behind, and the goal is still reworded with it.
    await testApp.database.db.update(goals).set({ targetOn: '2024-05-01' }).where(eq(goals.id, today.id));
    const moved = await coordinator.patch(`${goalsUrl()}/${today.id}`).send({ targetOn: '2024-06-01', version: today.version });
    expect(moved.status).toBe(400);
    expect(moved.body.errors).toEqual([expect.objectContaining({ path: 'body.targetOn' })]);
    const kept = await coordinator
      .patch(`${goalsUrl()}/${today.id}`)
      .send({ title: 'Tänään, sanat uusiksi', targetOn: '2024-05-01', version: today.version });
    expect(kept.status).toBe(200);
  });

  it.each<[PersonKey, number]>([
    ['guardian', 403],
    ['workerA', 403],
    ['workerB', 404],
    ['otherGuardian', 404],
  ])('when %s rewords a goal, then %i and nothing changes', async (person, status) => {
    const before = await goalRow(world.goal.id);
    const response = await (
      await agentOf(person)
    )
      .patch(`${goalsUrl()}/${before.id}`)
      .send({ title: 'Ei saa', version: before.version });
    expect(response.status).toBe(status);
    expect(await goalRow(before.id)).toEqual(before);
  });

  it('when the input is bad, then 400 names the fields', async () => {
    const agent = await agentOf('coordinator');
    const created = await agent.post(goalsUrl()).send({ title: '', targetOn: '31.12.2025' });
    expect(created.status).toBe(400);
    expect(created.body.errors.map((error: { path: string }) => error.path).sort()).toEqual(['body.targetOn', 'body.title']);
    const progress = await agent.post(`${goalsUrl()}/${world.goal.id}/progress`).send({ recordedOn: 'eilen' });
    expect(progress.status).toBe(400);
    // How a goal ends is the end route's: a status is not a field to reword.
    const patched = await agent.patch(`${goalsUrl()}/${world.goal.id}`).send({ status: 'reached', version: 1 });
    expect(patched.status).toBe(400);
    const tooLong = await agent.post(goalsUrl()).send({ title: 'x'.repeat(goalFieldMaxLengths.title + 1) });
    expect(tooLong.body.errors.map((error: { path: string }) => error.path)).toEqual(['body.title']);
  });

  it('when any text of a goal or a progress entry is too long, then 400 names it and nothing is cut or saved', async () => {
    const agent = await agentOf('coordinator');
    const goalCount = async () =>
      (await testApp.database.db.select().from(goals).where(eq(goals.familyId, world.family.id))).length;
    const before = await goalCount();
    const fiveThousand = await agent.post(goalsUrl()).send({ title: 'x'.repeat(5_000) });
    expect(fiveThousand.status).toBe(400);
    for (const field of ['ownerName', 'indicator', 'baseline', 'target'] as const) {
      const response = await agent
        .post(goalsUrl())
        .send({ title: 'Pituus', [field]: 'x'.repeat(goalFieldMaxLengths[field] + 1) });
      expect(response.body.errors).toEqual([expect.objectContaining({ path: `body.${field}` })]);
    }
    expect(await goalCount()).toBe(before);

    const full = await agent.post(goalsUrl()).send({ title: 't'.repeat(goalFieldMaxLengths.title) });
    expect(full.body.title).toHaveLength(goalFieldMaxLengths.title);

    const progressUrl = `${goalsUrl()}/${full.body.id}/progress`;
    const longValue = await agent
      .post(progressUrl)
      .send({ recordedOn: helsinkiToday(), value: 'v'.repeat(goalProgressMaxLengths.value + 1) });
    const longNote = await agent
      .post(progressUrl)
      .send({ recordedOn: helsinkiToday(), value: 'Hyvin', note: 'n'.repeat(goalProgressMaxLengths.note + 1) });
    expect([longValue.body.errors, longNote.body.errors]).toEqual([
      [expect.objectContaining({ path: 'body.value' })],
      [expect.objectContaining({ path: 'body.note' })],
    ]);
    expect(
      (await agent.get(`/api/families/${world.family.id}/plan`)).body.goals.find(
        (goal: { id: string }) => goal.id === full.body.id,
      ).progress,
    ).toEqual([]);
  });

  it('when the case is closed, then goals and progress cannot be added', async () => {
    await testApp.database.db.update(families).set({ status: 'closed' }).where(eq(families.id, world.family.id));
    const guardian = await agentOf('guardian');
    const goal = await guardian.post(goalsUrl()).send({ title: 'Suljettu' });
    const progress = await guardian
      .post(`${goalsUrl()}/${world.goal.id}/progress`)
      .send({ recordedOn: '2025-03-01', value: '1' });
    await testApp.database.db.update(families).set({ status: 'active' }).where(eq(families.id, world.family.id));
    expect([goal.status, goal.body.code, progress.status, progress.body.code]).toEqual([409, 'case_closed', 409, 'case_closed']);
  });
});
