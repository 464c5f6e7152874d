import { planVersionComparisonSchema, planVersionSchema, reviewListSchema, reviewSchema } from '@yhdessa/shared';
import { and, eq } from 'drizzle-orm';
import { plans } from '../../db/tables/plans';
import { reviews } from '../../db/tables/reviews';
import { planVersions } from '../../db/tables/plan-versions';
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
const url = (path: string) => `/api/families/${world.family.id}${path}`;

async function scheduleAndComplete() {
  const coordinator = await agentOf('coordinator');
  const review = reviewSchema.parse(
    (await coordinator.post(url('/reviews')).send({ scheduledOn: helsinkiToday() }).expect(201)).body,
  );
  return reviewSchema.parse(
    (
      await coordinator
        .post(url(`/reviews/${review.id}/complete`))
        .send({ version: review.version })
        .expect(200)
    ).body,
  );
}

describe('reviews', () => {
  it('when the coordinator schedules a review, then everyone in the plan, the family too, can propose agenda items', async () => {
    const coordinator = await agentOf('coordinator');
    const created = await coordinator
      .post(url('/reviews'))
      .send({ scheduledOn: helsinkiToday(7), participants: ['Anna', 'Mikko'] });
    expect(created.status).toBe(201);
    const review = reviewSchema.parse(created.body);
    for (const person of ['guardian', 'workerB', 'coordinator'] as const)
      await (
        await agentOf(person)
      )
        .post(url(`/reviews/${review.id}/agenda`))
        .send({ title: `Aihe ${person}` })
        .expect(201);

    const list = reviewListSchema.parse((await (await agentOf('workerA')).get(url('/reviews'))).body);
    expect(
      list.reviews.find((entry) => entry.id === review.id)?.agenda.map((item) => [item.title, item.proposedBy.name]),
    ).toEqual([
      ['Aihe guardian', 'Huoltaja Testinen'],
      ['Aihe workerB', 'Työntekijä B'],
      ['Aihe coordinator', 'Koordinaattori Yksi'],
    ]);
  });

  it.each<[PersonKey, number]>([
    ['guardian', 403],
    ['workerA', 403],
    ['otherCoordinator', 404],
  ])('when %s schedules a review, then %i', async (person, status) => {
    expect((await (await agentOf(person)).post(url('/reviews')).send({ scheduledOn: helsinkiToday(7) })).status).toBe(status);
  });

  it('when a review is rescheduled on a stale version, then 409 with the current review and nothing changes', async () => {
    const coordinator = await agentOf('coordinator');
    const review = reviewSchema.parse((await coordinator.post(url('/reviews')).send({ scheduledOn: helsinkiToday(10) })).body);
    const moved = await coordinator
      .patch(url(`/reviews/${review.id}`))
      .send({ scheduledOn: helsinkiToday(11), minutes: 'Alustava', version: 1 });
    expect(moved.body).toMatchObject({ scheduledOn: helsinkiToday(11), minutes: 'Alustava', version: 2 });
    const stale = await coordinator.patch(url(`/reviews/${review.id}`)).send({ scheduledOn: helsinkiToday(12), version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.current).toMatchObject({ scheduledOn: helsinkiToday(11), version: 2 });
  });

  it('when a review is completed, then the plan is frozen as a numbered version that later edits do not change', async () => {
    const [before] = await testApp.database.db.select().from(plans).where(eq(plans.familyId, world.family.id));
    const published = testApp.published.length;
    const completed = await scheduleAndComplete();
    expect(completed).toMatchObject({ status: 'completed', planVersion: before!.version });
    expect(testApp.published.slice(published).find((event) => event.type === 'plan.versioned')).toMatchObject({
      version: before!.version,
    });
    const [after] = await testApp.database.db.select().from(plans).where(eq(plans.familyId, world.family.id));
    expect(after!.version).toBe(before!.version + 1);

    const coordinator = await agentOf('coordinator');
    const frozenBefore = planVersionSchema.parse((await coordinator.get(url(`/plan/versions/${completed.planVersion}`))).body);
    expect(frozenBefore.plan.goals.map((goal) => goal.title)).toEqual(['Aamut sujuvat']);

    await coordinator
      .patch(url(`/goals/${world.goal.id}`))
      .send({ title: 'Aamut sujuvat hyvin', version: 1 })
      .expect(200);
    const frozenAfter = planVersionSchema.parse((await coordinator.get(url(`/plan/versions/${completed.planVersion}`))).body);
    expect(frozenAfter).toEqual(frozenBefore);

    // A completed review is a record: it cannot be completed or changed again.
    const again = await coordinator.post(url(`/reviews/${completed.id}/complete`)).send({ version: completed.version });
    expect(again.status).toBe(409);
    expect((await coordinator.post(url(`/reviews/${completed.id}/agenda`)).send({ title: 'Myöhässä' })).status).toBe(409);
  });

  it('when two versions are compared, then the changes between them are listed field by field', async () => {
    const coordinator = await agentOf('coordinator');
    const first = await scheduleAndComplete();
    await coordinator.post(url('/goals')).send({ title: 'Uusi tavoite' }).expect(201);
    const goal = (await coordinator.get(url('/plan'))).body.goals.find((entry: { id: string }) => entry.id === world.goal.id);
    await coordinator
      .post(url(`/goals/${world.goal.id}/end`))
      .send({ ending: 'reached', version: goal.version })
      .expect(200);
    const second = await scheduleAndComplete();

    const response = await coordinator.get(url(`/plan/versions/compare?from=${first.planVersion}&to=${second.planVersion}`));
    expect(response.status).toBe(200);
    const comparison = planVersionComparisonSchema.parse(response.body);
    expect(comparison.goals.added.map((entry) => entry.title)).toEqual(['Uusi tavoite']);
    expect(comparison.goals.changed).toEqual([
      expect.objectContaining({
        id: world.goal.id,
        fields: [
          { field: 'status', before: 'open', after: 'reached' },
          { field: 'endedOn', before: null, after: helsinkiToday() },
        ],
      }),
    ]);
    expect(comparison.actions).toEqual({ added: [], removed: [], changed: [] });

    const versions = (await (await agentOf('guardian')).get(url('/plan/versions'))).body.versions;
    expect(versions.map((entry: { version: number }) => entry.version)).toEqual(
      expect.arrayContaining([first.planVersion, second.planVersion]),
    );
  });

  it('when a service without consent for goals reads a frozen version, then it gets no goals; unknown versions 404', async () => {
    const completed = await scheduleAndComplete();
    const workerB = await agentOf('workerB');
    const frozen = planVersionSchema.parse((await workerB.get(url(`/plan/versions/${completed.planVersion}`))).body);
    expect(frozen.plan.goals).toEqual([]);
    expect((await workerB.get(url('/plan/versions/999'))).status).toBe(404);
    expect((await workerB.get(url('/plan/versions/compare?from=1'))).status).toBe(400);
  });

  it('when a version frozen before goals had endings is read, then its achieved goal reads as reached, without a day or levels', async () => {
    const completed = await scheduleAndComplete();
    const version = completed.planVersion!;
    const where = and(eq(planVersions.familyId, world.family.id), eq(planVersions.version, version));
    const [{ snapshot }] = (await testApp.database.db.select().from(planVersions).where(where)) as [
      typeof planVersions.$inferSelect,
    ];
    const goals = snapshot.goals.map(({ endedOn: _ended, attainmentScale: _scale, attainedLevel: _level, ...goal }) => ({
      ...goal,
      status: 'achieved',
    }));
    // Written as plans were frozen then: `achieved`, and no ending day or levels.
    await testApp.database.db
      .update(planVersions)
      .set({ snapshot: { ...snapshot, goals } as unknown as typeof snapshot })
      .where(where);

    const frozen = planVersionSchema.parse((await (await agentOf('guardian')).get(url(`/plan/versions/${version}`))).body);
    expect(frozen.plan.goals.length).toBeGreaterThan(0);
    for (const goal of frozen.plan.goals)
      expect(goal).toMatchObject({ status: 'reached', endedOn: null, attainmentScale: null, attainedLevel: null });
  });

  it.each<[PersonKey, number]>([
    ['guardian', 403],
    ['workerA', 403],
  ])('when %s tries to complete a review, then %i and no version is frozen', async (person, status) => {
    const review = reviewSchema.parse(
      (await (await agentOf('coordinator')).post(url('/reviews')).send({ scheduledOn: helsinkiToday() })).body,
    );
    const [before] = await testApp.database.db.select().from(plans).where(eq(plans.familyId, world.family.id));
    expect((await (await agentOf(person)).post(url(`/reviews/${review.id}/complete`)).send({ version: 1 })).status).toBe(status);
    const [after] = await testApp.database.db.select().from(plans).where(eq(plans.familyId, world.family.id));
    expect(after!.version).toBe(before!.version);
  });

  describe('dates: a review is called ahead and completed once its day has come', () => {
    const reviewRow = async (id: string) => (await testApp.database.db.select().from(reviews).where(eq(reviews.id, id)))[0]!;

    it('when the coordinator schedules a review for yesterday, then 400 names scheduledOn and nothing is saved; today is fine', async () => {
      const coordinator = await agentOf('coordinator');
      const before = await testApp.database.db.select().from(reviews).where(eq(reviews.familyId, world.family.id));
      const past = await coordinator.post(url('/reviews')).send({ scheduledOn: helsinkiToday(-1) });
      expect(past.status).toBe(400);
      expect(past.body).toMatchObject({ code: 'validation_failed', errors: [{ path: 'body.scheduledOn' }] });
      expect(await testApp.database.db.select().from(reviews).where(eq(reviews.familyId, world.family.id))).toHaveLength(
        before.length,
      );
      expect((await coordinator.post(url('/reviews')).send({ scheduledOn: helsinkiToday() })).status).toBe(201);
    });

    it('when a review is moved to a past day, then 400 and it stays; a review whose day passed keeps it through other edits', async () => {
      const coordinator = await agentOf('coordinator');
      const review = reviewSchema.parse(
        (
          await coordinator
            .post(url('/reviews'))
            .send({ scheduledOn: helsinkiToday(3) })
            .expect(201)
        ).body,
      );
      const moved = await coordinator
        .patch(url(`/reviews/${review.id}`))
        .send({ scheduledOn: helsinkiToday(-2), version: review.version });
      expect(moved.status).toBe(400);
      expect(moved.body.errors).toEqual([expect.objectContaining({ path: 'body.scheduledOn' })]);
      expect(await reviewRow(review.id)).toMatchObject({ scheduledOn: helsinkiToday(3), version: review.version });

      // Held yesterday and written up today: its own day is not a change.
      await testApp.database.db
        .update(reviews)
        .set({ scheduledOn: helsinkiToday(-1) })
        .where(eq(reviews.id, review.id));
      const written = await coordinator
        .patch(url(`/reviews/${review.id}`))
        .send({ scheduledOn: helsinkiToday(-1), minutes: 'Pidettiin eilen', version: review.version });
      expect(written.status).toBe(200);
    });

    it('when the coordinator completes a review before its day, then 400 names scheduledOn and no version is frozen', async () => {
      const coordinator = await agentOf('coordinator');
      const review = reviewSchema.parse(
        (
          await coordinator
            .post(url('/reviews'))
            .send({ scheduledOn: helsinkiToday(1) })
            .expect(201)
        ).body,
      );
      const [before] = await testApp.database.db.select().from(plans).where(eq(plans.familyId, world.family.id));
      const early = await coordinator.post(url(`/reviews/${review.id}/complete`)).send({ version: review.version });
      expect(early.status).toBe(400);
      expect(early.body).toMatchObject({ code: 'validation_failed', errors: [{ path: 'scheduledOn' }] });
      expect(await reviewRow(review.id)).toMatchObject({ status: 'scheduled', planVersion: null, version: review.version });
      const [after] = await testApp.database.db.select().from(plans).where(eq(plans.familyId, world.family.id));
      expect(after!.version).toBe(before!.version);
    });
  });

  describe('lengths: refused beyond the limit, never cut', () => {
    it.each<[string, string, (id: string, version: number) => [string, object]]>([
      ['minutes', 'body.minutes', (id, version) => [`/reviews/${id}`, { minutes: 'm'.repeat(10_001), version }]],
      ['decisions', 'body.decisions', (id, version) => [`/reviews/${id}`, { decisions: 'd'.repeat(10_001), version }]],
      ['a participant', 'body.participants.0', (id, version) => [`/reviews/${id}`, { participants: ['p'.repeat(201)], version }]],
    ])('when %s is too long, then 400 names it and the review stays as it was', async (_what, path, request) => {
      const coordinator = await agentOf('coordinator');
      const review = reviewSchema.parse(
        (
          await coordinator
            .post(url('/reviews'))
            .send({ scheduledOn: helsinkiToday(5) })
            .expect(201)
        ).body,
      );
      const [to, body] = request(review.id, review.version);
      const response = await coordinator.patch(url(to)).send(body);
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([expect.objectContaining({ path })]);
      expect(await testApp.database.db.select().from(reviews).where(eq(reviews.id, review.id))).toEqual([
        expect.objectContaining({ minutes: '', decisions: '', participants: [], version: review.version }),
      ]);
    });

    it('when a proposed agenda item is longer than 300 characters, then 400; exactly 300 is taken whole', async () => {
      const coordinator = await agentOf('coordinator');
      const review = reviewSchema.parse(
        (
          await coordinator
            .post(url('/reviews'))
            .send({ scheduledOn: helsinkiToday(5) })
            .expect(201)
        ).body,
      );
      const long = await (await agentOf('guardian')).post(url(`/reviews/${review.id}/agenda`)).send({ title: 'a'.repeat(301) });
      expect(long.status).toBe(400);
      expect(long.body.errors).toEqual([expect.objectContaining({ path: 'body.title' })]);
      const full = await (await agentOf('guardian')).post(url(`/reviews/${review.id}/agenda`)).send({ title: 'a'.repeat(300) });
      expect(reviewSchema.parse(full.body).agenda.map((item) => item.title.length)).toEqual([300]);
    });
  });
});
