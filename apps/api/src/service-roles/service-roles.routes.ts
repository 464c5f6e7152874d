import { endServiceRoleSchema, serviceRoleParamsSchema, serviceRoleSummarySchema } from '@yhdessa/shared';
import { defineRoute } from '../http/route';
import { endServiceRole } from './service-roles.service';

export const serviceRolesRoutes = [
  defineRoute({
    method: 'post',
    path: '/families/:familyId/service-roles/:serviceRoleId/end',
    summary: "End a service's role in the plan; its workers lose access to the family at once",
    tag: 'service-roles',
    access: { kind: 'family' },
    params: serviceRoleParamsSchema,
    body: endServiceRoleSchema,
    response: { status: 200, schema: serviceRoleSummarySchema, description: 'The ended role' },
    errors: [403, 409],
    handler: ({ params, body }, context) => endServiceRole(params, body, context),
  }),
];
