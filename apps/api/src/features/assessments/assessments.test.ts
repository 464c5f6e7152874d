import { assessmentDomains, assessmentListSchema, assessmentSchema } from '@yhdessa/shared';
import { signInAs, startTestApp, type TestApp } from '../../test/test-app';
import { buildWorld, type PersonKey, type World } from '../../test/world';
import { assessments } from '../../db/tables/assessments';

jest.setTimeout(60_000);

let testApp: TestApp;
let world: World;

beforeAll(async () => {
  testApp = await startTestApp();
  world = await buildWorld(testApp.database.db);
});
afterAll(() => testApp.close());

const agentOf = (person: PersonKey) => signInAs(testApp.app, world.people[person]);
const url = () => `/api/families/${world.family.id}/assessments`;
const allDomains = (rating: number) => assessmentDomains.map((domain) => ({ domain, rating, notes: `${domain}: ${rating}` }));

describe('the joint assessment', () => {
  it('when the coordinator records two assessments, then both are kept, newest first, for comparison', async () => {
    const agent = await agentOf('coordinator');
    const earlier = await agent.post(url()).send({ assessedOn: '2026-01-10', ratings: allDomains(2) });
    expect(earlier.status).toBe(201);
    expect(assessmentSchema.parse(earlier.body).ratings).toHaveLength(9);
    const later = await agent.post(url()).send({ assessedOn: '2026-04-10', ratings: allDomains(4) });
    expect(later.status).toBe(201);
    expect(testApp.published).toContainEqual(expect.objectContaining({ type: 'assessment.created', id: later.body.id }));

    const list = assessmentListSchema.parse((await agent.get(url())).body);
    expect(list.assessments.map((assessment) => assessment.assessedOn)).toEqual(['2026-04-10', '2026-01-10']);
    expect(list.assessments[0]!.ratings.map((rating) => rating.domain)).toEqual([...assessmentDomains]);
  });

  it('when the coordinator corrects a domain of the latest assessment, then it is versioned; an earlier one or an old version answers 409', async () => {
    const agent = await agentOf('coordinator');
    const [latest, earlier] = assessmentListSchema.parse((await agent.get(url())).body).assessments;
    const patchUrl = (id: string, domain: string) => `${url()}/${id}/ratings/${domain}`;

    const corrected = await agent
      .patch(patchUrl(latest!.id, 'housing'))
      .send({ rating: 5, notes: 'Uusi asunto', version: latest!.version });
    expect(corrected.status).toBe(200);
    expect(corrected.body.version).toBe(latest!.version + 1);
    expect(corrected.body.ratings.find((rating: { domain: string }) => rating.domain === 'housing')).toMatchObject({
      rating: 5,
      notes: 'Uusi asunto',
    });
    expect(testApp.published).toContainEqual(expect.objectContaining({ type: 'assessment.updated', id: latest!.id }));

    const stale = await agent.patch(patchUrl(latest!.id, 'safety')).send({ rating: 1, version: latest!.version });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'version_conflict', current: { id: latest!.id, version: latest!.version + 1 } });

    const old = await agent.patch(patchUrl(earlier!.id, 'safety')).send({ rating: 1, version: earlier!.version });
    expect(old.status).toBe(409);
    expect(old.body.current.id).toBe(latest!.id);
    const after = assessmentListSchema.parse((await agent.get(url())).body).assessments;
    expect(after[1]).toEqual(earlier);
  });

  it.each<[PersonKey, number]>([
    ['coordinator', 200],
    ['guardian', 200],
    ['youngMember', 200],
    ['workerA', 404],
    ['workerB', 404],
    ['otherCoordinator', 404],
    ['admin', 404],
  ])('when %s reads the assessments, then %i', async (person, status) => {
    expect((await (await agentOf(person)).get(url())).status).toBe(status);
  });

  it("when the family consents to share the assessment with a worker's service, then the worker reads it", async () => {
    await (
      await agentOf('guardian')
    )
      .post(`/api/families/${world.family.id}/consents`)
      .send({ serviceId: world.services.serviceB.id, part: 'assessment', granted: true });
    expect((await (await agentOf('workerB')).get(url())).status).toBe(200);
  });

  it.each<[PersonKey, number]>([
    ['guardian', 403],
    ['workerA', 404],
    ['workerB', 403],
  ])('when %s tries to record an assessment, then %i and nothing is created', async (person, status) => {
    const before = await testApp.database.db.select().from(assessments);
    const response = await (await agentOf(person)).post(url()).send({ assessedOn: '2026-05-01', ratings: allDomains(3) });
    expect(response.status).toBe(status);
    expect(await testApp.database.db.select().from(assessments)).toHaveLength(before.length);
  });

  it.each<[string, unknown]>([
    [
      'a domain twice',
      {
        assessedOn: '2026-05-01',
        ratings: [
          { domain: 'housing', rating: 3 },
          { domain: 'housing', rating: 4 },
        ],
      },
    ],
    ['an unknown domain', { assessedOn: '2026-05-01', ratings: [{ domain: 'weather', rating: 3 }] }],
    ['a rating above 5', { assessedOn: '2026-05-01', ratings: [{ domain: 'housing', rating: 6 }] }],
    ['a rating of the wrong type', { assessedOn: '2026-05-01', ratings: [{ domain: 'housing', rating: '3' }] }],
    ['oversize notes', { assessedOn: '2026-05-01', ratings: [{ domain: 'housing', rating: 3, notes: 'x'.repeat(2_001) }] }],
    ['a date that is not a date', { assessedOn: '1.5.2026', ratings: [{ domain: 'housing', rating: 3 }] }],
    ['an unknown field', { assessedOn: '2026-05-01', ratings: [{ domain: 'housing', rating: 3 }], score: 1 }],
    ['no ratings', { assessedOn: '2026-05-01', ratings: [] }],
  ])('when the body has %s, then 400 and nothing is created', async (_case, body) => {
    const before = await testApp.database.db.select().from(assessments);
    const response = await (await agentOf('coordinator')).post(url()).send(body as object);
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('validation_failed');
    expect(await testApp.database.db.select().from(assessments)).toHaveLength(before.length);
  });
});
