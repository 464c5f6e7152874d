import { planVersionComparisonSchema, planVersionSchema, reviewSchema, storySchema } from '@yhdessa/shared';
import { and, eq } from 'drizzle-orm';
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

async function completeReview(): Promise<number> {
  const coordinator = await agentOf('coordinator');
  const review = reviewSchema.parse(
    (await coordinator.post(url('/reviews')).send({ scheduledOn: helsinkiToday() }).expect(201)).body,
  );
  const completed = reviewSchema.parse(
    (
      await coordinator
        .post(url(`/reviews/${review.id}/complete`))
        .send({ version: review.version })
        .expect(200)
    ).body,
  );
  return completed.planVersion!;
}

async function writeStory(situation: string) {
  const coordinator = await agentOf('coordinator');
  const { version } = storySchema.parse((await coordinator.get(url('/story')).expect(200)).body);
  await coordinator
    .put(url('/story'))
    .send({ background: 'Muutto Varkauteen', situation, strengths: 'Isovanhemmat lähellä', version })
    .expect(200);
}

async function assess(assessedOn: string, housing: number) {
  await (
    await agentOf('coordinator')
  )
    .post(url('/assessments'))
    .send({
      assessedOn,
      ratings: [
        { domain: 'housing', rating: housing, notes: 'Asunto ahdas' },
        { domain: 'safety', rating: 4 },
      ],
    })
    .expect(201);
}

const readVersion = async (person: PersonKey, version: number) =>
  planVersionSchema.parse((await (await agentOf(person)).get(url(`/plan/versions/${version}`)).expect(200)).body);

describe('plan versions', () => {
  let first: number;
  let second: number;

  beforeAll(async () => {
    await writeStory('Aamut ovat raskaita');
    await assess('2025-01-10', 2);
    first = await completeReview();
    await writeStory('Aamut sujuvat jo paremmin');
    await assess('2025-03-10', 3);
    second = await completeReview();
  });

  it('when a review is completed, then the version holds the story and the latest assessment as they stood', async () => {
    const frozen = await readVersion('coordinator', first);
    expect(frozen.plan.story).toMatchObject({ background: 'Muutto Varkauteen', situation: 'Aamut ovat raskaita' });
    expect(frozen.plan.assessment).toMatchObject({ assessedOn: '2025-01-10' });
    expect(frozen.plan.assessment?.ratings.map((rating) => [rating.domain, rating.rating])).toEqual([
      ['housing', 2],
      ['safety', 4],
    ]);
    // Later saves do not reach the frozen version.
    expect((await readVersion('coordinator', second)).plan.story?.situation).toBe('Aamut sujuvat jo paremmin');
    expect((await readVersion('coordinator', first)).plan.story?.situation).toBe('Aamut ovat raskaita');
  });

  it('when two versions are compared, then the story and the assessment changes come as fields and domains, not as text', async () => {
    const response = await (await agentOf('guardian')).get(url(`/plan/versions/compare?from=${first}&to=${second}`));
    expect(response.status).toBe(200);
    const comparison = planVersionComparisonSchema.parse(response.body);
    expect(comparison.story).toEqual([{ field: 'situation', before: 'Aamut ovat raskaita', after: 'Aamut sujuvat jo paremmin' }]);
    expect(comparison.assessment).toEqual({
      assessedOn: { before: '2025-01-10', after: '2025-03-10' },
      ratings: [{ domain: 'housing', before: { rating: 2, notes: 'Asunto ahdas' }, after: { rating: 3, notes: 'Asunto ahdas' } }],
    });
  });

  it('when a service has no consent for the story or the assessment, then old versions and their comparison hold neither', async () => {
    const frozen = await readVersion('workerB', first);
    expect(frozen.plan.story).toBeNull();
    expect(frozen.plan.assessment).toBeNull();
    expect(frozen.plan.sharedParts).toEqual([]);
    const comparison = planVersionComparisonSchema.parse(
      (await (await agentOf('workerB')).get(url(`/plan/versions/compare?from=${first}&to=${second}`)).expect(200)).body,
    );
    expect(comparison.story).toBeNull();
    expect(comparison.assessment).toBeNull();
  });

  it('when the family withdraws its consent for the story, then the service no longer sees the story in versions frozen before', async () => {
    expect((await readVersion('workerA', first)).plan.story?.situation).toBe('Aamut ovat raskaita');
    const guardian = await agentOf('guardian');
    await guardian
      .post(url('/consents'))
      .send({ serviceId: world.services.serviceA.id, part: 'story', granted: false })
      .expect(200);
    try {
      const frozen = await readVersion('workerA', first);
      expect(frozen.plan.story).toBeNull();
      expect(frozen.plan.sharedParts).not.toContain('story');
      // Goals are still shared with the service.
      expect(frozen.plan.goals.length).toBeGreaterThan(0);
    } finally {
      await guardian
        .post(url('/consents'))
        .send({ serviceId: world.services.serviceA.id, part: 'story', granted: true })
        .expect(200);
    }
  });

  it('when a version was frozen before versions kept the story and the assessment, then it reads without them', async () => {
    const where = and(eq(planVersions.familyId, world.family.id), eq(planVersions.version, first));
    const [{ snapshot }] = (await testApp.database.db.select().from(planVersions).where(where)) as [
      typeof planVersions.$inferSelect,
    ];
    const { story: _story, assessment: _assessment, ...older } = snapshot;
    // Written as plans were frozen then: no story, no assessment.
    await testApp.database.db
      .update(planVersions)
      .set({ snapshot: older as typeof snapshot })
      .where(where);
    try {
      const frozen = await readVersion('coordinator', first);
      expect(frozen.plan).toMatchObject({ story: null, assessment: null });
      expect(frozen.plan.goals.length).toBeGreaterThan(0);
      const comparison = planVersionComparisonSchema.parse(
        (await (await agentOf('coordinator')).get(url(`/plan/versions/compare?from=${first}&to=${second}`)).expect(200)).body,
      );
      expect(comparison).toMatchObject({ story: null, assessment: null });
    } finally {
      await testApp.database.db.update(planVersions).set({ snapshot }).where(where);
    }
  });

  it.each<[PersonKey, string]>([
    ['otherCoordinator', '/plan/versions/1'],
    ['otherCoordinator', '/plan/versions/compare?from=1&to=2'],
    ['otherGuardian', '/plan/versions/1'],
    ['workerC', '/plan/versions/1'],
  ])('when %s from outside the family reads %s, then 404', async (person, path) => {
    expect((await (await agentOf(person)).get(url(path))).status).toBe(404);
  });
});
