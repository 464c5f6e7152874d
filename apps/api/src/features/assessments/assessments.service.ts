import type { Assessment, AssessmentList, AssessmentRatingParams, CreateAssessment, UpdateRating } from '@yhdessa/shared';
import { authorizeFamily } from '../../access/family-policy';
import { requireFamilyPermission } from '../../access/require-family-permission';
import { changeVersioned, versionConflict } from '../../http/versioned-change';
import { notFound } from '../../core/app-error';
import type { RouteContext } from '../../http/route';
import { presentAssessment } from './assessment.presenter';
import {
  findAssessment,
  findLatestAssessmentId,
  insertAssessment,
  listAssessments,
  rateDomainAt,
} from './assessments.repository';

/** One joint assessment of the family's needs instead of one per service; earlier ones stay for comparison. */
type FamilyContext = RouteContext<{ kind: 'family' }>;

const cannotReadAssessments = (context: FamilyContext) =>
  !authorizeFamily(context.actor, 'assessment:read', context.family.relation).allowed;

export async function readAssessments(familyId: string, context: FamilyContext): Promise<AssessmentList> {
  const basis = requireFamilyPermission(context, 'assessment:read', {
    resource: 'assessment',
    resourceId: familyId,
    hideWhenForbidden: true,
  });
  const rows = await listAssessments(familyId, context.tx);
  await context.audit({ familyId, action: 'read', resource: 'assessment', resourceId: familyId, outcome: 'allowed', basis });
  return { assessments: rows.map(presentAssessment) };
}

export async function createAssessment(familyId: string, body: CreateAssessment, context: FamilyContext): Promise<Assessment> {
  const basis = requireFamilyPermission(context, 'assessment:write', {
    resource: 'assessment',
    resourceId: familyId,
    hideWhenForbidden: cannotReadAssessments(context),
    forbiddenDetail: 'Only the coordinator records the joint assessment.',
  });
  const row = await insertAssessment(
    familyId,
    { assessedOn: body.assessedOn, ratings: body.ratings, createdBy: context.actor.accountId },
    context.tx,
  );
  await context.audit({
    familyId,
    action: 'create',
    resource: 'assessment',
    resourceId: row.id,
    outcome: 'allowed',
    basis,
    detail: { domains: body.ratings.map((rating) => rating.domain) },
  });
  await context.recordFamilyEvent({ type: 'assessment.created', familyId, id: row.id, version: row.version });
  return presentAssessment((await findAssessment(familyId, row.id, context.tx))!);
}

/**
 * The coordinator corrects one domain of the latest assessment. Earlier assessments are the
 * record to compare against and do not change: changing one answers 409 with the latest.
 */
export async function rateDomain(
  { familyId, assessmentId, domain }: AssessmentRatingParams,
  change: UpdateRating,
  context: FamilyContext,
): Promise<Assessment> {
  const { tx } = context;
  const basis = requireFamilyPermission(context, 'assessment:write', {
    resource: 'assessment',
    resourceId: assessmentId,
    hideWhenForbidden: cannotReadAssessments(context),
    forbiddenDetail: 'Only the coordinator changes the joint assessment.',
  });
  const assessment = await findAssessment(familyId, assessmentId, tx);
  if (!assessment) throw notFound('assessment');
  const latestId = await findLatestAssessmentId(familyId, tx);
  if (latestId !== assessmentId)
    throw versionConflict('assessment', presentAssessment((await findAssessment(familyId, latestId!, tx))!));

  const before = assessment.ratings.find((row) => row.rating.domain === domain)?.rating.rating ?? null;
  await changeVersioned(context, {
    familyId,
    resource: 'assessment',
    resourceId: assessmentId,
    versionNow: assessment.assessment.version,
    basedOn: change.version,
    update: () =>
      rateDomainAt(
        familyId,
        assessmentId,
        { domain, rating: change.rating, notes: change.notes, basedOnVersion: change.version, ratedBy: context.actor.accountId },
        tx,
      ),
    current: async () => presentAssessment((await findAssessment(familyId, assessmentId, tx)) ?? assessment),
    basis,
    detail: () => ({ domain, rating: { from: before, to: change.rating } }),
    event: 'assessment.updated',
  });
  return presentAssessment((await findAssessment(familyId, assessmentId, tx))!);
}
