import { assessmentDomains, measurementListSchema, measurementSchema, type Measurement } from '@yhdessa/shared';
import { and, eq, gt, max, sql } from 'drizzle-orm';
import { auditEvents } from '../../db/tables/audit';
import { measurements } from '../../db/tables/measurements';
import { helsinkiToday } from '../../test/dates';
import { signInAs, startTestApp, type TestApp } from '../../test/test-app';
import { buildWorld, type PersonKey, type World } from '../../test/world';

jest.setTimeout(90_000);

let testApp: TestApp;
let world: World;

beforeAll(async () => {
  testApp = await startTestApp();
  world = await buildWorld(testApp.database.db);
});
afterAll(() => testApp.close());

const agentOf = (person: PersonKey, ofWorld = world) => signInAs(testApp.app, ofWorld.people[person]);
const url = (ofWorld = world) => `/api/families/${ofWorld.family.id}/measurements`;
const consentUrl = (ofWorld = world) => `/api/families/${ofWorld.family.id}/consents`;
const today = helsinkiToday();

const answer = (overrides: Record<string, unknown> = {}) => ({
  takenOn: today,
  respondentVersion: 'adult',
  occasion: 'own',
  scores: [
    { domain: 'housing', score: 4 },
    { domain: 'daily-life', score: 2 },
  ],
  comment: 'Aamut ovat vielä raskaita.',
  ...overrides,
});

async function countMeasurements(): Promise<number> {
  return (await testApp.database.db.select().from(measurements)).length;
}

async function lastAuditId(): Promise<number> {
  const [row] = await testApp.database.db.select({ id: max(auditEvents.id) }).from(auditEvents);
  return row?.id ?? 0;
}

/** The audit rows written since `after` by one person in one family. */
async function auditRowsSince(after: number, person: PersonKey, ofWorld = world) {
  return testApp.database.db
    .select()
    .from(auditEvents)
    .where(
      and(
        gt(auditEvents.id, after),
        eq(auditEvents.actorId, ofWorld.people[person].id),
        eq(auditEvents.familyId, ofWorld.family.id),
      ),
    );
}

async function list(person: PersonKey, ofWorld = world) {
  const response = await (await agentOf(person, ofWorld)).get(url(ofWorld)).expect(200);
  return measurementListSchema.parse(response.body);
}

describe('recording the wellbeing meter', () => {
  it('when the guardian fills it in with domains skipped, then it is kept with who filled it in, audited and announced', async () => {
    const auditedBefore = await lastAuditId();
    const response = await (await agentOf('guardian')).post(url()).send(answer());
    expect(response.status).toBe(201);
    const measurement = measurementSchema.parse(response.body);
    expect(measurement).toMatchObject({
      takenOn: today,
      occasion: 'own',
      respondentVersion: 'adult',
      takenBy: { name: 'Huoltaja Testinen', relation: 'guardian' },
      comment: 'Aamut ovat vielä raskaita.',
      correctedAt: null,
      version: 1,
      can: { correct: true },
    });
    // In the order of the domains, whatever order they were sent in; skipped domains are absent.
    expect(measurement.scores).toEqual([
      { domain: 'daily-life', score: 2 },
      { domain: 'housing', score: 4 },
    ]);
    const audit = await auditRowsSince(auditedBefore, 'guardian');
    expect(audit).toContainEqual(
      expect.objectContaining({
        action: 'create',
        resource: 'measurement',
        resourceId: measurement.id,
        outcome: 'allowed',
        detail: { occasion: 'own', respondentVersion: 'adult', domains: ['housing', 'daily-life'] },
      }),
    );
    expect(testApp.published).toContainEqual(
      expect.objectContaining({ type: 'measurement.recorded', familyId: world.family.id, id: measurement.id, version: 1 }),
    );
  });

  it("when the young person fills in the young person's version of every domain, then it is theirs", async () => {
    const scores = assessmentDomains.map((domain, index) => ({ domain, score: (index % 5) + 1 }));
    const response = await (
      await agentOf('youngMember')
    )
      .post(url())
      .send(answer({ respondentVersion: 'young', scores, comment: '' }));
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      respondentVersion: 'young',
      takenBy: { name: 'Nuori Testinen', relation: 'child' },
      scores,
    });
  });

  it.each<[PersonKey, number]>([
    ['coordinator', 403],
    ['workerA', 404],
    ['workerB', 404],
    ['otherGuardian', 404],
    ['otherCoordinator', 404],
    ['manager', 404],
    ['admin', 404],
  ])(
    'when %s tries to fill it in for the family, then %i, nothing is kept and the refusal is audited',
    async (person, status) => {
      const before = await countMeasurements();
      const auditedBefore = await lastAuditId();
      const response = await (await agentOf(person)).post(url()).send(answer());
      expect(response.status).toBe(status);
      expect(await countMeasurements()).toBe(before);
      const refusals = await testApp.database.db
        .select()
        .from(auditEvents)
        .where(and(gt(auditEvents.id, auditedBefore), eq(auditEvents.actorId, world.people[person].id)));
      expect(refusals).toContainEqual(expect.objectContaining({ outcome: 'denied' }));
    },
  );

  it.each<[string, Record<string, unknown>, string]>([
    ['a day in the future', { takenOn: helsinkiToday(1) }, 'body.takenOn'],
    ['a date that is not a date', { takenOn: '1.5.2026' }, 'body.takenOn'],
    ['a score of 0', { scores: [{ domain: 'housing', score: 0 }] }, 'body.scores'],
    ['a score of 6', { scores: [{ domain: 'housing', score: 6 }] }, 'body.scores'],
    ['a score that is not a whole number', { scores: [{ domain: 'housing', score: 2.5 }] }, 'body.scores'],
    ['a score as text', { scores: [{ domain: 'housing', score: '3' }] }, 'body.scores'],
    [
      'a domain twice',
      {
        scores: [
          { domain: 'housing', score: 3 },
          { domain: 'housing', score: 4 },
        ],
      },
      'body.scores',
    ],
    ['an unknown domain', { scores: [{ domain: 'weather', score: 3 }] }, 'body.scores'],
    ['no scores at all', { scores: [] }, 'body.scores'],
    ['an unknown occasion', { occasion: 'sometimes' }, 'body.occasion'],
    ['an unknown version', { respondentVersion: 'child' }, 'body.respondentVersion'],
    ['an oversize comment', { comment: 'x'.repeat(1_001) }, 'body.comment'],
    ['an unknown field', { mood: 'fine' }, 'body'],
  ])('when the answer has %s, then 400 on that field and nothing is kept', async (_case, change, field) => {
    const before = await countMeasurements();
    const response = await (await agentOf('guardian')).post(url()).send(answer(change));
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('validation_failed');
    expect(JSON.stringify(response.body.errors)).toContain(field);
    expect(await countMeasurements()).toBe(before);
  });
});

describe('who reads the meter', () => {
  it.each<[PersonKey, number]>([
    ['guardian', 200],
    ['youngMember', 200],
    ['coordinator', 200],
    ['workerA', 404],
    ['workerB', 404],
    ['workerC', 404],
    ['otherGuardian', 404],
    ['otherCoordinator', 404],
    ['manager', 404],
    ['admin', 404],
  ])('when %s reads the family’s measurements without the family sharing them, then %i', async (person, status) => {
    expect((await (await agentOf(person)).get(url())).status).toBe(status);
  });

  it('when the family reads its line, then every measurement is there oldest first, with whose answer it may correct', async () => {
    const { measurements: line, can } = await list('guardian');
    expect(line.map((each) => each.takenBy.name)).toEqual(['Huoltaja Testinen', 'Nuori Testinen']);
    expect(line.map((each) => each.can.correct)).toEqual([true, false]);
    expect(can).toEqual({ record: true });
    const asCoordinator = await list('coordinator');
    expect(asCoordinator.can).toEqual({ record: false });
    expect(asCoordinator.measurements.map((each) => each.can.correct)).toEqual([false, false]);
  });

  it("when the guardian shares the measurements with worker B's service, then B reads them (audited) until the guardian withdraws it, at once", async () => {
    const guardian = await agentOf('guardian');
    const workerB = await agentOf('workerB');
    await guardian
      .post(consentUrl())
      .send({ serviceId: world.services.serviceB.id, part: 'measurements', granted: true })
      .expect(200);
    const auditedBefore = await lastAuditId();
    const shared = await workerB.get(url());
    expect(shared.status).toBe(200);
    expect(measurementListSchema.parse(shared.body).measurements).toHaveLength(2);
    expect(await auditRowsSince(auditedBefore, 'workerB')).toContainEqual(
      expect.objectContaining({ action: 'read', resource: 'measurement', outcome: 'allowed', basis: 'service-role' }),
    );
    // Worker A's service was not given the part: it still sees nothing.
    expect((await (await agentOf('workerA')).get(url())).status).toBe(404);
    // A service that reads them still cannot write them.
    expect((await workerB.post(url()).send(answer())).status).toBe(403);

    await guardian
      .post(consentUrl())
      .send({ serviceId: world.services.serviceB.id, part: 'measurements', granted: false })
      .expect(200);
    const withdrawnAt = await lastAuditId();
    expect((await workerB.get(url())).status).toBe(404);
    expect(await auditRowsSince(withdrawnAt, 'workerB')).toContainEqual(
      expect.objectContaining({ action: 'read', resource: 'measurement', outcome: 'denied' }),
    );
  });
});

describe('correcting a measurement', () => {
  let mine: Measurement;
  beforeAll(async () => {
    const response = await (await agentOf('guardian')).post(url()).send(answer({ comment: 'Korjattava' }));
    mine = measurementSchema.parse(response.body);
  });
  const patchUrl = (id: string) => `${url()}/${id}`;
  const correction = (version: number) => ({
    respondentVersion: 'adult',
    scores: [{ domain: 'housing', score: 5 }],
    comment: 'Asunto löytyi.',
    version,
  });

  it.each<[PersonKey, number]>([
    ['youngMember', 403],
    ['coordinator', 403],
    ['workerA', 404],
    ['otherGuardian', 404],
  ])("when %s tries to correct the guardian's measurement, then %i and it stays as it was", async (person, status) => {
    const response = await (await agentOf(person)).patch(patchUrl(mine.id)).send(correction(mine.version));
    expect(response.status).toBe(status);
    const after = (await list('guardian')).measurements.find((each) => each.id === mine.id);
    expect(after).toEqual(mine);
  });

  it('when its author corrects it on the same day, then it is a new version whose audit row keeps the scores before and after', async () => {
    const auditedBefore = await lastAuditId();
    const response = await (await agentOf('guardian')).patch(patchUrl(mine.id)).send(correction(mine.version));
    expect(response.status).toBe(200);
    const corrected = measurementSchema.parse(response.body);
    expect(corrected).toMatchObject({ version: 2, comment: 'Asunto löytyi.', scores: [{ domain: 'housing', score: 5 }] });
    expect(corrected.correctedAt).not.toBeNull();
    expect(corrected.createdAt).toBe(mine.createdAt);
    expect(await auditRowsSince(auditedBefore, 'guardian')).toContainEqual(
      expect.objectContaining({
        action: 'update',
        resource: 'measurement',
        resourceId: mine.id,
        detail: {
          scores: { from: { 'daily-life': 2, housing: 4 }, to: { housing: 5 } },
          respondentVersion: { from: 'adult', to: 'adult' },
          commentChanged: true,
        },
      }),
    );
    expect(testApp.published).toContainEqual(expect.objectContaining({ type: 'measurement.updated', id: mine.id, version: 2 }));
  });

  it('when the correction is based on an old version, then 409 with the measurement as it is now', async () => {
    const response = await (await agentOf('guardian')).patch(patchUrl(mine.id)).send(correction(1));
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ code: 'version_conflict', current: { id: mine.id, version: 2 } });
  });

  it('when the measurement was made on an earlier day, then it is final: 409 measurement_final and no one may correct it', async () => {
    await testApp.database.db
      .update(measurements)
      .set({ createdAt: sql`now() - interval '1 day'` })
      .where(eq(measurements.id, mine.id));
    const [before] = (await list('guardian')).measurements.filter((each) => each.id === mine.id);
    expect(before!.can.correct).toBe(false);
    const response = await (await agentOf('guardian')).patch(patchUrl(mine.id)).send(correction(2));
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('measurement_final');
    const [after] = (await list('guardian')).measurements.filter((each) => each.id === mine.id);
    expect(after).toEqual(before);
  });

  it('when a correction has no scores, then 400 and nothing changes', async () => {
    const [other] = (await list('youngMember')).measurements.filter((each) => each.can.correct);
    const response = await (
      await agentOf('youngMember')
    )
      .patch(patchUrl(other!.id))
      .send({ ...correction(other!.version), scores: [] });
    expect(response.status).toBe(400);
    expect((await list('youngMember')).measurements.find((each) => each.id === other!.id)).toEqual(other);
  });
});

describe('the invitation to fill it in', () => {
  let fresh: World;
  beforeAll(async () => {
    fresh = await buildWorld(testApp.database.db);
  });

  it('when a family has no measurement yet, then it is asked for the first one, until it fills one in', async () => {
    expect((await list('guardian', fresh)).prompt).toEqual({ occasion: 'start' });
    const coordinatorView = await list('coordinator', fresh);
    expect(coordinatorView.prompt).toEqual({ occasion: 'start' });
    await (
      await agentOf('youngMember', fresh)
    )
      .post(url(fresh))
      .send(answer({ occasion: 'start', respondentVersion: 'young' }))
      .expect(201);
    expect((await list('guardian', fresh)).prompt).toBeNull();
  });

  it('when the coordinator completes a plan review, then the family is asked for a new one, until it fills one in', async () => {
    const coordinator = await agentOf('coordinator', fresh);
    const reviewsUrl = `/api/families/${fresh.family.id}/reviews`;
    const review = await coordinator.post(reviewsUrl).send({ scheduledOn: today }).expect(201);
    const completed = await coordinator
      .post(`${reviewsUrl}/${review.body.id}/complete`)
      .send({ version: review.body.version })
      .expect(200);
    expect((await list('guardian', fresh)).prompt).toEqual({ occasion: 'review', reviewCompletedAt: completed.body.completedAt });
    await (
      await agentOf('guardian', fresh)
    )
      .post(url(fresh))
      .send(answer({ occasion: 'review' }))
      .expect(201);
    expect((await list('guardian', fresh)).prompt).toBeNull();
  });

  it('when the case is closed, then nothing is asked and nothing can be filled in', async () => {
    const coordinator = await agentOf('coordinator', fresh);
    const family = await coordinator.get(`/api/families/${fresh.family.id}`).expect(200);
    await coordinator
      .patch(`/api/families/${fresh.family.id}`)
      .send({ status: 'closed', version: family.body.version })
      .expect(200);
    const closed = await list('guardian', fresh);
    expect(closed.prompt).toBeNull();
    expect(closed.can.record).toBe(false);
    expect(closed.measurements.every((each) => !each.can.correct)).toBe(true);
    const response = await (await agentOf('guardian', fresh)).post(url(fresh)).send(answer());
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('case_closed');
  });
});
