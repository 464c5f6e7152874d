import { actionParamsSchema, actionSchema, createActionSchema, familyParamsSchema, updateActionSchema } from '@yhdessa/shared';
import { defineRoute } from '../../http/route';
import { createAction, updateAction } from './actions.service';

export const actionsRoutes = [
  defineRoute({
    method: 'post',
    path: '/families/:familyId/actions',
    summary: "Add an action to a service's role (or the family's own, with serviceRoleId null)",
    tag: 'actions',
    access: { kind: 'family' },
    params: familyParamsSchema,
    body: createActionSchema,
    response: { status: 201, schema: actionSchema, description: 'The new action' },
    errors: [403, 409],
    handler: ({ params, body }, context) => createAction(params.familyId, body, context),
  }),
  defineRoute({
    method: 'patch',
    path: '/families/:familyId/actions/:actionId',
    summary: 'Change an action: any of its fields or only its status (based on the version you saw)',
    tag: 'actions',
    access: { kind: 'family' },
    params: actionParamsSchema,
    body: updateActionSchema,
    response: { status: 200, schema: actionSchema, description: 'The updated action' },
    errors: [403, 409],
    handler: ({ params, body }, context) => updateAction(params, body, context),
  }),
];
