import { activityQuerySchema, activitySchema, familyParamsSchema } from '@yhdessa/shared';
import { defineRoute } from '../../http/route';
import { readActivity } from './activity.service';

export const activityRoutes = [
  defineRoute({
    method: 'get',
    path: '/families/:familyId/activity',
    summary: 'What changed in the family, by whom and when, newest first, as far as the caller may see it',
    tag: 'activity',
    access: { kind: 'family' },
    params: familyParamsSchema,
    query: activityQuerySchema,
    response: { status: 200, schema: activitySchema, description: 'A page of the activity, newest first' },
    handler: ({ params, query }, context) => readActivity(params.familyId, query, context),
  }),
];
