import {
  familyDetailSchema,
  feedbackListSchema,
  feedbackRequestSchema,
  reviewSchema,
  type FeedbackRequest,
} from '@yhdessa/shared';
import { and, eq, gt, max } from 'drizzle-orm';
import { auditEvents } from '../../db/tables/audit';
import { feedbackRequests } from '../../db/tables/feedback';
import { helsinkiToday } from '../../test/dates';
import { buildAccount, buildFamily, buildMember } from '../../test/factories';
import { signInAs, startTestApp, type TestApp } from '../../test/test-app';
import { buildWorld, type PersonKey, type World } from '../../test/world';
import { listFeedbackAnswersOfAllFamilies } from './feedback.repository';

let testApp: TestApp;
let world: World;

beforeAll(async () => {
  testApp = await startTestApp();
  world = await buildWorld(testApp.database.db);
});
afterAll(() => testApp.close());

const agentOf = (person: PersonKey) => signInAs(testApp.app, world.people[person]);
const url = (path: string, familyId = world.family.id) => `/api/families/${familyId}${path}`;
const answerUrl = (requestId: string) => url(`/feedback/${requestId}/answer`);

async function readFeedback(person: PersonKey, familyId = world.family.id): Promise<FeedbackRequest[]> {
  const response = await (await agentOf(person)).get(url('/feedback', familyId)).expect(200);
  return feedbackListSchema.parse(response.body).requests;
}

/** The coordinator schedules and completes a review; the request it opened. */
async function completeReview(): Promise<{ review: { id: string; version: number }; request: FeedbackRequest }> {
  const coordinator = await agentOf('coordinator');
  const scheduled = reviewSchema.parse(
    (await coordinator.post(url('/reviews')).send({ scheduledOn: helsinkiToday() }).expect(201)).body,
  );
  const review = reviewSchema.parse(
    (
      await coordinator
        .post(url(`/reviews/${scheduled.id}/complete`))
        .send({ version: scheduled.version })
        .expect(200)
    ).body,
  );
  const [row] = await testApp.database.db.select().from(feedbackRequests).where(eq(feedbackRequests.reviewId, review.id));
  const request = (await readFeedback('guardian')).find((each) => each.id === row!.id)!;
  return { review, request };
}

async function lastAuditId(): Promise<number> {
  const [row] = await testApp.database.db.select({ id: max(auditEvents.id) }).from(auditEvents);
  return row?.id ?? 0;
}

const auditRowsAfter = (id: number) =>
  testApp.database.db
    .select()
    .from(auditEvents)
    .where(and(gt(auditEvents.id, id), eq(auditEvents.resource, 'feedback')));

const fullAnswer = {
  workedTogether: 8,
  noRetelling: 6,
  wouldRecommend: 9,
  words: 'Yksi suunnitelma auttoi.',
  coordinatorMaySee: true,
};

describe('feedback requests', () => {
  it('when the coordinator completes a review, then one request is opened for the family in that change, with its event and audit row', async () => {
    const audited = await lastAuditId();
    const published = testApp.published.length;
    const { review, request } = await completeReview();

    expect(request).toMatchObject({
      occasion: 'review',
      answered: false,
      answer: null,
      can: { answer: true, changePermission: false },
    });
    expect(testApp.published.slice(published).map((event) => event.type)).toEqual([
      'review.created',
      'review.updated',
      'plan.versioned',
      'feedback.requested',
    ]);
    expect(testApp.published.at(-1)).toMatchObject({ id: request.id, version: 1 });
    expect((await auditRowsAfter(audited)).filter((row) => row.action === 'create')).toEqual([
      expect.objectContaining({
        resourceId: request.id,
        outcome: 'allowed',
        actorId: world.people.coordinator.id,
        detail: { occasion: 'review' },
      }),
    ]);

    // A completed review is not completed again, and asks nothing more.
    await (
      await agentOf('coordinator')
    )
      .post(url(`/reviews/${review.id}/complete`))
      .send({ version: review.version })
      .expect(409);
    expect(
      await testApp.database.db.select().from(feedbackRequests).where(eq(feedbackRequests.reviewId, review.id)),
    ).toHaveLength(1);
  });

  it('when the case closes, then a closing request opens, the family can still sign in and answer it, and closing again while it waits asks nothing new', async () => {
    const { db } = testApp.database;
    const guardian = await buildAccount(db, { role: 'family', name: 'Sulkeutuva Huoltaja' });
    const family = await buildFamily(db, { coordinatorId: world.people.coordinator.id, name: 'Perhe Sulkeutuva' });
    await buildMember(db, family.id, { accountId: guardian.id, name: 'Sulkeutuva Huoltaja' });
    const coordinator = await agentOf('coordinator');
    const setStatus = async (status: 'closed' | 'active') => {
      const current = familyDetailSchema.parse((await coordinator.get(url('', family.id)).expect(200)).body);
      await coordinator.patch(url('', family.id)).send({ status, version: current.version }).expect(200);
    };

    await setStatus('closed');
    await setStatus('active');
    await setStatus('closed');
    const rows = await db.select().from(feedbackRequests).where(eq(feedbackRequests.familyId, family.id));
    expect(rows.map((row) => row.occasion)).toEqual(['closing']);

    const member = await signInAs(testApp.app, guardian);
    const [request] = feedbackListSchema.parse((await member.get(url('/feedback', family.id)).expect(200)).body).requests;
    expect(request).toMatchObject({ occasion: 'closing', can: { answer: true } });
    const answered = await member.post(`/api/families/${family.id}/feedback/${request!.id}/answer`).send({ wouldRecommend: 7 });
    expect(answered.status).toBe(201);
    // Its permission, too, is the family's to change after the case has closed.
    await member
      .patch(`/api/families/${family.id}/feedback/${request!.id}/answer`)
      .send({ coordinatorMaySee: true, version: answered.body.answer.version })
      .expect(200);

    // Answered, it no longer waits: the next closing asks again.
    await setStatus('active');
    await setStatus('closed');
    expect(await db.select().from(feedbackRequests).where(eq(feedbackRequests.familyId, family.id))).toHaveLength(2);
  });
});

describe('answering', () => {
  it('when a family member answers with a question skipped, then it is stored once, audited without the answers, and a second answer is 409 feedback_already_answered', async () => {
    const { request } = await completeReview();
    const audited = await lastAuditId();
    const published = testApp.published.length;
    const guardian = await agentOf('guardian');

    const response = await guardian
      .post(answerUrl(request.id))
      .send({ workedTogether: 0, wouldRecommend: 10, words: '  Kiitos.  ' });
    expect(response.status).toBe(201);
    const answered = feedbackRequestSchema.parse(response.body);
    expect(answered).toMatchObject({
      answered: true,
      answer: {
        workedTogether: 0,
        noRetelling: null,
        wouldRecommend: 10,
        words: 'Kiitos.',
        coordinatorMaySee: false,
        answeredBy: { id: world.people.guardian.id, name: 'Huoltaja Testinen' },
        version: 2,
      },
      can: { answer: false, changePermission: true },
    });
    expect(testApp.published.slice(published)).toEqual([
      expect.objectContaining({ type: 'feedback.answered', id: request.id, version: 2 }),
    ]);
    const [audit] = await auditRowsAfter(audited);
    expect(audit).toMatchObject({
      action: 'create',
      resourceId: request.id,
      actorId: world.people.guardian.id,
      basis: 'family-member',
      detail: { questionsAnswered: 2, words: true, coordinatorMaySee: false },
    });

    for (const person of ['guardian', 'youngMember'] as const) {
      const again = await (await agentOf(person)).post(answerUrl(request.id)).send(fullAnswer);
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('feedback_already_answered');
    }
    const [row] = await testApp.database.db.select().from(feedbackRequests).where(eq(feedbackRequests.id, request.id));
    expect(row).toMatchObject({ workedTogether: 0, noRetelling: null, words: 'Kiitos.', answeredBy: world.people.guardian.id });
  });

  it.each<[string, object]>([
    ['a score above 10', { workedTogether: 11 }],
    ['a score below 0', { noRetelling: -1 }],
    ['a score that is not whole', { wouldRecommend: 7.5 }],
    ['a score as text', { wouldRecommend: '7' }],
    ['words over 1000 characters', { words: 'a'.repeat(1001) }],
    ['nothing said at all', { words: '   ', coordinatorMaySee: true }],
    ['a field the form does not have', { workedTogether: 5, rating: 5 }],
  ])('when the answer has %s, then 400 validation_failed and nothing is stored', async (_case, body) => {
    const { request } = await completeReview();
    const response = await (await agentOf('guardian')).post(answerUrl(request.id)).send(body);
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('validation_failed');
    const [row] = await testApp.database.db.select().from(feedbackRequests).where(eq(feedbackRequests.id, request.id));
    expect(row!.answeredAt).toBeNull();
  });

  it('when words are exactly 1000 characters, then they are taken', async () => {
    const { request } = await completeReview();
    await (
      await agentOf('youngMember')
    )
      .post(answerUrl(request.id))
      .send({ words: 'ä'.repeat(1000) })
      .expect(201);
  });
});

describe('who sees the answers', () => {
  it('when the family lets the coordinator see an answer, then they see it; when the family takes the permission back, then they see only that it was answered', async () => {
    const { request } = await completeReview();
    const before = (await readFeedback('coordinator')).find((each) => each.id === request.id)!;
    expect(before).toMatchObject({ answered: false, answer: null, can: { answer: false, changePermission: false } });

    const guardian = await agentOf('guardian');
    const answered = feedbackRequestSchema.parse((await guardian.post(answerUrl(request.id)).send(fullAnswer).expect(201)).body);
    const seen = (await readFeedback('coordinator')).find((each) => each.id === request.id)!;
    expect(seen).toMatchObject({ answered: true, answer: { wouldRecommend: 9, words: 'Yksi suunnitelma auttoi.' } });

    const audited = await lastAuditId();
    const published = testApp.published.length;
    const withdrawn = await guardian
      .patch(answerUrl(request.id))
      .send({ coordinatorMaySee: false, version: answered.answer!.version });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.answer).toMatchObject({ coordinatorMaySee: false, version: 3 });
    expect(testApp.published.slice(published)).toEqual([expect.objectContaining({ type: 'feedback.updated', id: request.id })]);
    expect(await auditRowsAfter(audited)).toEqual([
      expect.objectContaining({ action: 'update', detail: { coordinatorMaySee: { from: true, to: false } } }),
    ]);

    const afterWithdrawal = await (await agentOf('coordinator')).get(url('/feedback'));
    const hidden = feedbackListSchema.parse(afterWithdrawal.body).requests.find((each) => each.id === request.id)!;
    expect(hidden).toEqual({ ...hidden, answered: true, answer: null });
    expect(JSON.stringify(afterWithdrawal.body)).not.toContain('Yksi suunnitelma auttoi.');
    // The family still reads its own answer.
    expect((await readFeedback('youngMember')).find((each) => each.id === request.id)?.answer?.words).toBe(
      'Yksi suunnitelma auttoi.',
    );
  });

  it('when the coordinator reads the feedback, then the read is audited with how many answers they were shown', async () => {
    const audited = await lastAuditId();
    const requests = await readFeedback('coordinator');
    const [audit] = await auditRowsAfter(audited);
    expect(audit).toMatchObject({
      action: 'read',
      resourceId: world.family.id,
      outcome: 'allowed',
      basis: 'coordinator',
      detail: { answersShown: requests.filter((request) => request.answer).length },
    });
  });

  it('when someone other than who answered changes the permission, then 403; on a stale version, 409 with the answer as it is', async () => {
    const { request } = await completeReview();
    const answered = feedbackRequestSchema.parse(
      (await (await agentOf('guardian')).post(answerUrl(request.id)).send({ noRetelling: 3 }).expect(201)).body,
    );
    const version = answered.answer!.version;
    const byYoung = await (await agentOf('youngMember')).patch(answerUrl(request.id)).send({ coordinatorMaySee: true, version });
    expect(byYoung.status).toBe(403);
    const stale = await (
      await agentOf('guardian')
    )
      .patch(answerUrl(request.id))
      .send({ coordinatorMaySee: true, version: version - 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.current.answer).toMatchObject({ coordinatorMaySee: false, version });
  });

  it('when the permission of a request not answered yet is changed, then 404: there is no answer', async () => {
    const { request } = await completeReview();
    expect(
      (await (await agentOf('guardian')).patch(answerUrl(request.id)).send({ coordinatorMaySee: true, version: 1 })).status,
    ).toBe(404);
  });

  it.each<[PersonKey, number, number, number]>([
    // person, GET list, POST answer, PATCH permission
    ['workerA', 404, 404, 404],
    ['workerB', 404, 404, 404],
    ['workerC', 404, 404, 404],
    ['otherGuardian', 404, 404, 404],
    ['otherCoordinator', 404, 404, 404],
    ['manager', 404, 404, 404],
    ['admin', 404, 404, 404],
    ['coordinator', 200, 403, 403],
  ])(
    'when %s tries the feedback routes, then %i, %i and %i, each refusal audited, and nothing changes',
    async (person, list, answer, permission) => {
      const { request } = await completeReview();
      await (await agentOf('guardian')).post(answerUrl(request.id)).send({ workedTogether: 4 }).expect(201);
      const agent = await agentOf(person);
      const audited = await lastAuditId();
      const statuses = [
        (await agent.get(url('/feedback'))).status,
        (await agent.post(answerUrl(request.id)).send(fullAnswer)).status,
        (await agent.patch(answerUrl(request.id)).send({ coordinatorMaySee: true, version: 2 })).status,
      ];
      expect(statuses).toEqual([list, answer, permission]);
      const denials = await testApp.database.db
        .select()
        .from(auditEvents)
        .where(
          and(gt(auditEvents.id, audited), eq(auditEvents.actorId, world.people[person].id), eq(auditEvents.outcome, 'denied')),
        );
      expect(denials).toHaveLength(statuses.filter((status) => status !== 200).length);
      const [row] = await testApp.database.db.select().from(feedbackRequests).where(eq(feedbackRequests.id, request.id));
      expect(row).toMatchObject({ workedTogether: 4, coordinatorMaySee: false, version: 2 });
    },
  );

  it("when another family's request is answered through this family, then 404", async () => {
    const { request } = await completeReview();
    const response = await (await agentOf('otherCoordinator')).get(url('/feedback', world.otherFamily.id));
    expect(response.status).toBe(200);
    const crossed = await (
      await agentOf('otherGuardian')
    )
      .post(`/api/families/${world.otherFamily.id}/feedback/${request.id}/answer`)
      .send(fullAnswer);
    expect(crossed.status).toBe(404);
  });
});

describe('answers for figures across families', () => {
  it('when the answers are read for aggregation, then they carry no id of a family, a person or a request, and the pseudonyms count the families', async () => {
    const { request } = await completeReview();
    await (await agentOf('guardian')).post(answerUrl(request.id)).send(fullAnswer).expect(201);
    const answers = await listFeedbackAnswersOfAllFamilies(testApp.database.db);
    const answeredRows = await testApp.database.db.select().from(feedbackRequests);
    const answered = answeredRows.filter((row) => row.answeredAt !== null);
    expect(answers).toHaveLength(answered.length);
    expect(new Set(answers.map((answer) => answer.family)).size).toBe(new Set(answered.map((row) => row.familyId)).size);
    const text = JSON.stringify(answers);
    for (const row of answeredRows)
      for (const id of [row.id, row.familyId, row.answeredBy]) if (id) expect(text).not.toContain(id);
    expect(text).not.toContain('Yksi suunnitelma auttoi.');
    expect(Object.keys(answers[0]!).sort()).toEqual([
      'answeredMonth',
      'family',
      'noRetelling',
      'occasion',
      'workedTogether',
      'wouldRecommend',
    ]);
    expect(answers[0]!.answeredMonth).toMatch(/^\d{4}-\d{2}$/);
  });
});
