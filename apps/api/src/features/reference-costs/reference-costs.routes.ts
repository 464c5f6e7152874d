import { referenceCostListSchema, referenceCostParamsSchema, setReferenceCostSchema } from '@yhdessa/shared';
import { defineRoute } from '../../http/route';
import { listReferenceCosts, startReferenceCostPeriod } from './reference-costs.repository';

/**
 * The yearly costs of the heavy services the coordinated support aims to avoid: reference
 * figures that are not case data. Managers and administrators keep them, with history.
 */
export const referenceCostsRoutes = [
  defineRoute({
    method: 'get',
    path: '/reference-costs',
    summary: 'The reference yearly costs of heavy services, valid today, with their periods',
    tag: 'reference-costs',
    access: { kind: 'signed-in', roles: ['coordinator', 'worker', 'manager', 'admin'] },
    response: { status: 200, schema: referenceCostListSchema, description: 'One entry per kind' },
    handler: async (_input, { tx }) => ({ referenceCosts: await listReferenceCosts(tx) }),
  }),
  defineRoute({
    method: 'post',
    path: '/reference-costs/:kind/periods',
    summary: 'Set a new yearly reference cost from a date on (by default today); earlier periods stay as they were',
    tag: 'reference-costs',
    access: { kind: 'signed-in', roles: ['manager', 'admin'] },
    params: referenceCostParamsSchema,
    body: setReferenceCostSchema,
    response: { status: 201, schema: referenceCostListSchema, description: 'The reference costs after the change' },
    async handler({ params, body }, { tx, audit, actor }) {
      const period = await startReferenceCostPeriod(params.kind, body, actor.accountId, tx);
      await audit({
        familyId: null,
        action: 'update',
        resource: 'reference-cost',
        resourceId: params.kind,
        outcome: 'allowed',
        basis: actor.role,
        detail: { validFrom: period.validFrom, from: period.previousYearlyCostCents, to: body.yearlyCostCents },
      });
      return { referenceCosts: await listReferenceCosts(tx) };
    },
  }),
];
