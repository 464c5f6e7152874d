import type {
  FamilyParams,
  FrozenPlan,
  PlanPart,
  PlanSnapshot,
  PlanVersion,
  PlanVersionCompareQuery,
  PlanVersionComparison,
  PlanVersionList,
  PlanVersionParams,
} from '@yhdessa/shared';
import { hiddenServiceRoleIds, visiblePlanParts } from '../../access/family-policy';
import { withoutHiddenRoles } from '../plans';
import { requireFamilyPermission } from '../../access/require-family-permission';
import { notFound } from '../../core/app-error';
import type { Queryable } from '../../db/database';
import type { RouteContext } from '../../http/route';
import { findAssessment, findLatestAssessmentId, presentAssessment } from '../assessments';
import { findStory, presentStory } from '../story';
import { comparePlans } from './plan-diff';
import { findPlanVersion, insertPlanVersion, listPlanVersions } from './plan-versions.repository';

type FamilyContext = RouteContext<{ kind: 'family' }>;

/**
 * Freezes the plan as it stands (the coordinator's full view, `snapshot`) with the family's story
 * and its latest joint assessment as version `snapshot.version`; the working plan moves on.
 */
export async function freezePlanVersion(familyId: string, reviewId: string, snapshot: PlanSnapshot, db: Queryable) {
  const story = await findStory(familyId, db);
  const latestAssessmentId = await findLatestAssessmentId(familyId, db);
  const assessment = latestAssessmentId ? await findAssessment(familyId, latestAssessmentId, db) : null;
  const { background, situation, strengths, updatedBy, updatedAt } = presentStory(familyId, story, []);
  await insertPlanVersion(
    familyId,
    reviewId,
    {
      ...snapshot,
      story: story ? { background, situation, strengths, updatedBy, updatedAt } : null,
      assessment: assessment ? presentAssessment(assessment) : null,
    },
    db,
  );
}

/**
 * A frozen plan narrowed to what the reader may see now, as the live plan is: a service the family
 * no longer shares its story with does not see it in an old version either, and a role hidden from
 * it today is left out of old versions (and so of their differences) too.
 */
function narrowToVisible(plan: FrozenPlan, visible: ReadonlySet<PlanPart>, hiddenRoles: ReadonlySet<string>): FrozenPlan {
  return {
    ...withoutHiddenRoles(plan, hiddenRoles),
    sharedParts: plan.sharedParts.filter((part) => visible.has(part)),
    goals: visible.has('goals') ? plan.goals : [],
    story: visible.has('story') ? plan.story : null,
    assessment: visible.has('assessment') ? plan.assessment : null,
  };
}

async function readVersion(familyId: string, version: number, context: FamilyContext) {
  const row = await findPlanVersion(familyId, version, context.tx);
  if (!row) throw notFound('plan version');
  return {
    version: row.version,
    reviewId: row.reviewId,
    frozenAt: row.createdAt.toISOString(),
    plan: narrowToVisible(
      row.snapshot,
      visiblePlanParts(context.actor, context.family.relation),
      hiddenServiceRoleIds(context.actor, context.family.relation),
    ),
  };
}

export async function listVersions({ familyId }: FamilyParams, context: FamilyContext): Promise<PlanVersionList> {
  const basis = requireFamilyPermission(context, 'plan-version:read', { resource: 'plan-version', resourceId: familyId });
  const rows = await listPlanVersions(familyId, context.tx);
  await context.audit({ familyId, action: 'read', resource: 'plan-version', resourceId: familyId, outcome: 'allowed', basis });
  return {
    versions: rows.map((row) => ({ version: row.version, reviewId: row.reviewId, frozenAt: row.createdAt.toISOString() })),
  };
}

export async function readPlanVersion({ familyId, version }: PlanVersionParams, context: FamilyContext): Promise<PlanVersion> {
  const basis = requireFamilyPermission(context, 'plan-version:read', { resource: 'plan-version', resourceId: familyId });
  const frozen = await readVersion(familyId, version, context);
  await context.audit({
    familyId,
    action: 'read',
    resource: 'plan-version',
    resourceId: familyId,
    outcome: 'allowed',
    basis,
    detail: { version, parts: frozen.plan.sharedParts },
  });
  return frozen;
}

export async function comparePlanVersions(
  { familyId }: FamilyParams,
  { from, to }: PlanVersionCompareQuery,
  context: FamilyContext,
): Promise<PlanVersionComparison> {
  const basis = requireFamilyPermission(context, 'plan-version:read', { resource: 'plan-version', resourceId: familyId });
  const [before, after] = [await readVersion(familyId, from, context), await readVersion(familyId, to, context)];
  await context.audit({
    familyId,
    action: 'read',
    resource: 'plan-version',
    resourceId: familyId,
    outcome: 'allowed',
    basis,
    detail: { compare: { from, to } },
  });
  return comparePlans(before.plan, after.plan);
}
