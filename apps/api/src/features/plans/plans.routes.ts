import { familyParamsSchema, planSchema } from '@yhdessa/shared';
import { hiddenServiceRoleIds, visiblePlanParts } from '../../access/family-policy';
import { notFound } from '../../core/app-error';
import { municipalityDate } from '../../core/clock';
import { DIRECTORY_SCOPE, familyScope } from '../../db/data-versions';
import { defineRoute } from '../../http/route';
import { summarizeAttainment } from '../goals';
import { withPlanCapabilities } from './plan-capabilities';
import { presentPlan, withoutHiddenRoles } from './plan.presenter';
import { findLastVisit, findPlanParts } from './plans.repository';

export const plansRoutes = [
  defineRoute({
    method: 'get',
    path: '/families/:familyId/plan',
    summary: "The family's shared plan: members, goals, service roles with their actions",
    tag: 'plans',
    access: { kind: 'family' },
    params: familyParamsSchema,
    response: { status: 200, schema: planSchema, description: 'The plan as the caller may see it' },
    batchedRead: true,
    async handler({ params }, { tx, actor, family, audit, readThrough }) {
      const sharedParts = visiblePlanParts(actor, family.relation);
      // The plan as this person sees it today (capabilities and what is overdue depend on both).
      const view = await readThrough(
        `plan:${actor.accountId}:${params.familyId}:${municipalityDate()}`,
        [familyScope(params.familyId), DIRECTORY_SCOPE],
        async () => {
          const parts = await findPlanParts(params.familyId, { withGoals: sharedParts.has('goals') }, tx);
          if (!parts) return null;
          const plan = withoutHiddenRoles(presentPlan(parts, sharedParts), hiddenServiceRoleIds(actor, family.relation));
          return { ...withPlanCapabilities(plan, actor, family.relation), attainment: summarizeAttainment(plan.goals) };
        },
      );
      if (!view) throw notFound('plan');
      // Only the family's home asks what changed since; the visits before this session began stay as they were.
      const lastVisitAt =
        actor.role === 'family'
          ? await readThrough(`last-visit:${actor.sessionId}:${params.familyId}`, [], () =>
              findLastVisit(params.familyId, actor, tx),
            )
          : null;
      await audit({
        familyId: params.familyId,
        action: 'read',
        resource: 'plan',
        resourceId: params.familyId,
        outcome: 'allowed',
        basis: family.basis,
        detail: { parts: [...sharedParts] },
      });
      return { ...view, lastVisitAt };
    },
  }),
];
