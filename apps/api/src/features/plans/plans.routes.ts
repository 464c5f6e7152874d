import { familyParamsSchema, planSchema } from '@yhdessa/shared';
import { hiddenServiceRoleIds, visiblePlanParts } from '../../access/family-policy';
import { notFound } from '../../core/app-error';
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
    async handler({ params }, { tx, actor, family, audit }) {
      const sharedParts = visiblePlanParts(actor, family.relation);
      const parts = await findPlanParts(params.familyId, { withGoals: sharedParts.has('goals') }, tx);
      if (!parts) throw notFound('plan');
      // Read before this read is audited; only the family's home asks what changed since.
      const lastVisitAt = actor.role === 'family' ? await findLastVisit(params.familyId, actor, tx) : null;
      await audit({
        familyId: params.familyId,
        action: 'read',
        resource: 'plan',
        resourceId: params.familyId,
        outcome: 'allowed',
        basis: family.basis,
        detail: { parts: [...sharedParts] },
      });
      const plan = withoutHiddenRoles(presentPlan(parts, sharedParts), hiddenServiceRoleIds(actor, family.relation));
      return {
        ...withPlanCapabilities(plan, actor, family.relation),
        attainment: summarizeAttainment(plan.goals),
        lastVisitAt,
      };
    },
  }),
];
