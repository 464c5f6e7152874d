import {
  familyParamsSchema,
  planVersionCompareQuerySchema,
  planVersionComparisonSchema,
  planVersionListSchema,
  planVersionParamsSchema,
  planVersionSchema,
} from '@yhdessa/shared';
import { defineRoute } from '../../http/route';
import { comparePlanVersions, listVersions, readPlanVersion } from './plan-versions.service';

export const planVersionsRoutes = [
  defineRoute({
    method: 'get',
    path: '/families/:familyId/plan/versions',
    summary: 'The frozen versions of the plan, oldest first',
    tag: 'plan-versions',
    access: { kind: 'family' },
    params: familyParamsSchema,
    response: { status: 200, schema: planVersionListSchema, description: 'Plan versions' },
    handler: ({ params }, context) => listVersions(params, context),
  }),
  // Before `/:version`, which would otherwise take `compare` for a version number.
  defineRoute({
    method: 'get',
    path: '/families/:familyId/plan/versions/compare',
    summary: 'What changed between two frozen plan versions: goals, service roles and actions, field by field',
    tag: 'plan-versions',
    access: { kind: 'family' },
    params: familyParamsSchema,
    query: planVersionCompareQuerySchema,
    response: { status: 200, schema: planVersionComparisonSchema, description: 'The changes from `from` to `to`' },
    handler: ({ params, query }, context) => comparePlanVersions(params, query, context),
  }),
  defineRoute({
    method: 'get',
    path: '/families/:familyId/plan/versions/:version',
    summary: 'One frozen plan version, as far as the caller may see it',
    tag: 'plan-versions',
    access: { kind: 'family' },
    params: planVersionParamsSchema,
    response: { status: 200, schema: planVersionSchema, description: 'The plan as it was frozen' },
    handler: ({ params }, context) => readPlanVersion(params, context),
  }),
];
