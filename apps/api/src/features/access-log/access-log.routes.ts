import { accessLogQuerySchema, accessLogSchema, familyParamsSchema } from '@yhdessa/shared';
import { defineRoute } from '../../http/route';
import { readAccessLog } from './access-log.service';

export const accessLogRoutes = [
  defineRoute({
    method: 'get',
    path: '/families/:familyId/access-log',
    summary: 'Who has looked at or changed our data: the last two years, one group per person and day, newest first',
    tag: 'audit',
    access: { kind: 'family' },
    params: familyParamsSchema,
    query: accessLogQuerySchema,
    response: { status: 200, schema: accessLogSchema, description: 'A page of the access log, grouped by person and day' },
    handler: ({ params, query }, context) => readAccessLog(params.familyId, query, context),
  }),
];
