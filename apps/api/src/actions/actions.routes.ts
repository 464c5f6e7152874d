import { actionParamsSchema, actionSchema, updateActionStatusSchema } from '@yhdessa/shared';
import { defineRoute } from '../http/route';
import { updateActionStatus } from './actions.service';

export const actionsRoutes = [
  defineRoute({
    method: 'patch',
    path: '/families/:familyId/actions/:actionId',
    summary: "Change an action's status (based on the version you saw)",
    tag: 'actions',
    access: { kind: 'family' },
    params: actionParamsSchema,
    body: updateActionStatusSchema,
    response: { status: 200, schema: actionSchema, description: 'The updated action' },
    errors: [403, 409],
    handler: ({ params, body }, context) => updateActionStatus(params, body, context),
  }),
];
