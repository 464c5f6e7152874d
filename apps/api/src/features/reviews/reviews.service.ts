import {
  planParts,
  type CompleteReview,
  type CreateAgendaItem,
  type CreateReview,
  type FamilyParams,
  type Review,
  type ReviewList,
  type ReviewParams,
  type UpdateReview,
} from '@yhdessa/shared';
import { requireFamilyPermission } from '../../access/require-family-permission';
import { changeVersioned, versionConflict } from '../../http/versioned-change';
import { invalidField, notFound } from '../../core/app-error';
import { municipalityDate } from '../../core/clock';
import type { RouteContext } from '../../http/route';
import { openFeedbackRequest } from '../feedback';
import { freezePlanVersion, lockPlanVersion } from '../plan-versions';
import { presentPlan } from '../plans';
import { findPlanParts } from '../plans';
import { presentReview } from './review.presenter';
import {
  findReview,
  insertAgendaItem,
  insertReview,
  listAgendaItems,
  listReviews,
  updateReviewAt,
  type ReviewRow,
} from './reviews.repository';

type FamilyContext = RouteContext<{ kind: 'family' }>;

async function presentWithAgenda(review: ReviewRow, context: FamilyContext): Promise<Review> {
  return presentReview(review, await listAgendaItems(review.familyId, context.tx, review.id));
}

async function requireReview(familyId: string, reviewId: string, context: FamilyContext): Promise<ReviewRow> {
  const review = await findReview(familyId, reviewId, context.tx);
  if (!review) throw notFound('review');
  return review;
}

async function currentReview(review: ReviewRow, context: FamilyContext) {
  return presentWithAgenda((await findReview(review.familyId, review.id, context.tx)) ?? review, context);
}

/** A completed review is the record of its meeting: it is not changed afterwards. */
async function requireScheduled(review: ReviewRow, context: FamilyContext): Promise<void> {
  if (review.status === 'completed')
    throw versionConflict(
      'review',
      await presentWithAgenda(review, context),
      'The review is already completed and its plan version frozen.',
    );
}

/** A review is scheduled ahead: a meeting already past cannot be called to. */
function requireScheduledAhead(scheduledOn: string) {
  if (scheduledOn < municipalityDate()) throw invalidField('body.scheduledOn', 'A review is scheduled for today or later.');
}

export async function listFamilyReviews({ familyId }: FamilyParams, context: FamilyContext): Promise<ReviewList> {
  const basis = requireFamilyPermission(context, 'review:read', { resource: 'review', resourceId: familyId });
  const [rows, agenda] = await Promise.all([listReviews(familyId, context.tx), listAgendaItems(familyId, context.tx)]);
  await context.audit({ familyId, action: 'read', resource: 'review', resourceId: familyId, outcome: 'allowed', basis });
  return { reviews: rows.map((row) => presentReview(row, agenda)) };
}

export async function createReview(familyId: string, body: CreateReview, context: FamilyContext): Promise<Review> {
  const basis = requireFamilyPermission(context, 'review:manage', {
    resource: 'review',
    resourceId: familyId,
    forbiddenDetail: 'The coordinator schedules reviews; you can propose agenda items.',
  });
  requireScheduledAhead(body.scheduledOn);
  const review = await insertReview(familyId, body, context.tx);
  await context.audit({ familyId, action: 'create', resource: 'review', resourceId: review.id, outcome: 'allowed', basis });
  await context.recordFamilyEvent({ type: 'review.created', familyId, id: review.id, version: review.version });
  return presentReview(review, []);
}

/** Reschedule, change who takes part, write the minutes and decisions. */
export async function updateReview(
  { familyId, reviewId }: ReviewParams,
  { version, ...change }: UpdateReview,
  context: FamilyContext,
): Promise<Review> {
  const review = await requireReview(familyId, reviewId, context);
  const basis = requireFamilyPermission(context, 'review:manage', {
    resource: 'review',
    resourceId: reviewId,
    forbiddenDetail: 'The coordinator runs the review.',
  });
  await requireScheduled(review, context);
  const updated = await changeVersioned(context, {
    familyId,
    resource: 'review',
    resourceId: reviewId,
    versionNow: review.version,
    basedOn: version,
    update: () => {
      if (change.scheduledOn !== undefined && change.scheduledOn !== review.scheduledOn)
        requireScheduledAhead(change.scheduledOn);
      return updateReviewAt(familyId, reviewId, change, version, context.tx);
    },
    current: () => currentReview(review, context),
    basis,
    detail: () => ({ fields: Object.keys(change) }),
    event: 'review.updated',
  });
  return presentWithAgenda(updated, context);
}

/** Anyone in the plan, the family too, puts a topic on the agenda of a coming review. */
export async function proposeAgendaItem(
  { familyId, reviewId }: ReviewParams,
  body: CreateAgendaItem,
  context: FamilyContext,
): Promise<Review> {
  const review = await requireReview(familyId, reviewId, context);
  const basis = requireFamilyPermission(context, 'agenda:propose', { resource: 'agenda-item', resourceId: reviewId });
  await requireScheduled(review, context);
  const item = await insertAgendaItem(familyId, reviewId, { title: body.title, proposedBy: context.actor.accountId }, context.tx);
  await context.audit({ familyId, action: 'create', resource: 'agenda-item', resourceId: item.id, outcome: 'allowed', basis });
  await context.recordFamilyEvent({ type: 'agendaItem.created', familyId, id: item.id, version: 1 });
  return presentWithAgenda(review, context);
}

/**
 * The coordinator completes the review, on its day or later: the plan as it stands now (the
 * coordinator's full view) is frozen as version N, the working plan moves on to N + 1, and the
 * review records N. The family is asked how the work has gone for it.
 */
export async function completeReview(
  { familyId, reviewId }: ReviewParams,
  { version }: CompleteReview,
  context: FamilyContext,
): Promise<Review> {
  const review = await requireReview(familyId, reviewId, context);
  const basis = requireFamilyPermission(context, 'review:manage', {
    resource: 'review',
    resourceId: reviewId,
    forbiddenDetail: 'The coordinator completes the review.',
  });
  await requireScheduled(review, context);
  const completed = await changeVersioned(context, {
    familyId,
    resource: 'review',
    resourceId: reviewId,
    versionNow: review.version,
    basedOn: version,
    async update() {
      // The minutes and decisions are of a meeting that has been held.
      if (review.scheduledOn > municipalityDate())
        throw invalidField('scheduledOn', `The review is on ${review.scheduledOn}; it is completed on that day or later.`);
      const planVersion = await lockPlanVersion(familyId, context.tx);
      const parts = await findPlanParts(familyId, { withGoals: true }, context.tx);
      if (planVersion === null || !parts) throw notFound('plan');
      const snapshot = presentPlan(parts, new Set(planParts));
      const row = await updateReviewAt(
        familyId,
        reviewId,
        { status: 'completed', completedAt: new Date(), completedBy: context.actor.accountId, planVersion },
        version,
        context.tx,
      );
      if (row) await freezePlanVersion(familyId, reviewId, snapshot, context.tx);
      return row;
    },
    current: () => currentReview(review, context),
    basis,
    detail: (after) => ({ status: { from: 'scheduled', to: 'completed' }, planVersion: after.planVersion }),
    event: 'review.updated',
  });
  await context.recordFamilyEvent({ type: 'plan.versioned', familyId, id: familyId, version: completed.planVersion! });
  await openFeedbackRequest(context, familyId, { occasion: 'review', reviewId }, basis);
  return presentWithAgenda(completed, context);
}
