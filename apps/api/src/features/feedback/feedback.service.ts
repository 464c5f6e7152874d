import {
  feedbackQuestions,
  type AnswerFeedback,
  type ChangeFeedbackPermission,
  type FamilyParams,
  type FeedbackList,
  type FeedbackParams,
  type FeedbackRequest,
} from '@yhdessa/shared';
import { requireFamilyPermission } from '../../access/require-family-permission';
import { AppError, notFound } from '../../core/app-error';
import type { RouteContext } from '../../http/route';
import { changeVersioned } from '../../http/versioned-change';
import { presentFeedbackRequest } from './feedback.presenter';
import {
  answerFeedbackRequest,
  changeFeedbackPermissionAt,
  findFeedbackRequest,
  insertFeedbackRequest,
  listFeedbackRequests,
  type FeedbackRequestRow,
} from './feedback.repository';

type FamilyContext = RouteContext<{ kind: 'family' }>;

/** Services never learn of the family's feedback: to them it is not there (404), and the try is audited. */
const hiddenFromServices = { resource: 'feedback', hideWhenForbidden: true } as const;

async function requireRequest(familyId: string, requestId: string, context: FamilyContext): Promise<FeedbackRequestRow> {
  requireFamilyPermission(context, 'feedback:read', { ...hiddenFromServices, resourceId: requestId });
  const request = await findFeedbackRequest(familyId, requestId, context.tx);
  if (!request) throw notFound('feedback request');
  return request;
}

async function presentCurrent(familyId: string, requestId: string, context: FamilyContext): Promise<FeedbackRequest> {
  const row = (await findFeedbackRequest(familyId, requestId, context.tx))!;
  return presentFeedbackRequest(row, context.actor, context.family.relation);
}

/**
 * Asks the family about its experience, in the transaction of the change that is the occasion:
 * a completed review, or the case closing. Nothing is asked twice for one occasion.
 */
export async function openFeedbackRequest(
  context: Pick<FamilyContext, 'tx' | 'audit' | 'recordFamilyEvent'>,
  familyId: string,
  occasion: { occasion: 'review'; reviewId: string } | { occasion: 'closing' },
  basis: string,
): Promise<void> {
  const request = await insertFeedbackRequest(familyId, occasion, context.tx);
  if (!request) return;
  await context.audit({
    familyId,
    action: 'create',
    resource: 'feedback',
    resourceId: request.id,
    outcome: 'allowed',
    basis,
    detail: { occasion: occasion.occasion },
  });
  await context.recordFamilyEvent({ type: 'feedback.requested', familyId, id: request.id, version: request.version });
}

/** The family reads its requests and answers; the coordinator whether each was answered, and the answers the family lets them see. */
export async function listFamilyFeedback({ familyId }: FamilyParams, context: FamilyContext): Promise<FeedbackList> {
  const basis = requireFamilyPermission(context, 'feedback:read', { ...hiddenFromServices, resourceId: familyId });
  const requests = (await listFeedbackRequests(familyId, context.tx)).map((row) =>
    presentFeedbackRequest(row, context.actor, context.family.relation),
  );
  await context.audit({
    familyId,
    action: 'read',
    resource: 'feedback',
    resourceId: familyId,
    outcome: 'allowed',
    basis,
    detail: { answersShown: requests.filter((request) => request.answer !== null).length },
  });
  return { requests };
}

/** A family member answers a request once, for the family; what was sent is not changed afterwards. */
export async function answerFeedback(
  { familyId, requestId }: FeedbackParams,
  answer: AnswerFeedback,
  context: FamilyContext,
): Promise<FeedbackRequest> {
  await requireRequest(familyId, requestId, context);
  const basis = requireFamilyPermission(context, 'feedback:answer', {
    resource: 'feedback',
    resourceId: requestId,
    forbiddenDetail: 'Only the family answers its feedback.',
  });
  const stored = await answerFeedbackRequest(familyId, requestId, answer, context.actor.accountId, context.tx);
  if (!stored)
    throw new AppError(
      'feedback_already_answered',
      'This request has been answered already; an answer is not changed afterwards.',
    );
  await context.audit({
    familyId,
    action: 'create',
    resource: 'feedback',
    resourceId: requestId,
    outcome: 'allowed',
    basis,
    // What was answered, not the answers: the audit records access, not the family's experience.
    detail: {
      questionsAnswered: feedbackQuestions.filter((question) => answer[question] !== null).length,
      words: answer.words !== '',
      coordinatorMaySee: answer.coordinatorMaySee,
    },
  });
  await context.recordFamilyEvent({ type: 'feedback.answered', familyId, id: requestId, version: stored.version });
  return presentCurrent(familyId, requestId, context);
}

/** Who answered lets the coordinator see the answer, or takes the permission back. */
export async function changeFeedbackPermission(
  { familyId, requestId }: FeedbackParams,
  { coordinatorMaySee, version }: ChangeFeedbackPermission,
  context: FamilyContext,
): Promise<FeedbackRequest> {
  const request = await requireRequest(familyId, requestId, context);
  if (!request.answeredAt) throw notFound('feedback answer');
  const basis = requireFamilyPermission(context, 'feedback-permission:change', {
    resource: 'feedback',
    resourceId: requestId,
    target: { authorId: request.answeredById ?? undefined },
    forbiddenDetail: 'Only the family member who answered can change who sees the answer.',
  });
  await changeVersioned(context, {
    familyId,
    resource: 'feedback',
    resourceId: requestId,
    versionNow: request.version,
    basedOn: version,
    update: () => changeFeedbackPermissionAt(familyId, requestId, coordinatorMaySee, version, context.tx),
    current: () => presentCurrent(familyId, requestId, context),
    basis,
    detail: (after) => ({ coordinatorMaySee: { from: request.coordinatorMaySee, to: after.coordinatorMaySee } }),
    event: 'feedback.updated',
  });
  return presentCurrent(familyId, requestId, context);
}
