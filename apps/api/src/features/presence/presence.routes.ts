import { familyParamsSchema, presencePreferenceSchema } from '@yhdessa/shared';
import { defineRoute } from '../../http/route';
import { changePresencePreference, readPresencePreference } from './presence.service';

export const presenceRoutes = [
  defineRoute({
    method: 'get',
    path: '/families/:familyId/presence-preference',
    summary: 'Whether the family member asking is told when their coordinator is looking at the plan (off until they turn it on)',
    tag: 'presence',
    access: { kind: 'family' },
    params: familyParamsSchema,
    response: { status: 200, schema: presencePreferenceSchema, description: "The member's choice" },
    errors: [403],
    handler: ({ params }, context) => readPresencePreference(params, context),
  }),
  defineRoute({
    method: 'put',
    path: '/families/:familyId/presence-preference',
    summary: 'A family member chooses whether they are told when their coordinator is looking at the plan',
    tag: 'presence',
    access: { kind: 'family' },
    params: familyParamsSchema,
    body: presencePreferenceSchema,
    response: { status: 200, schema: presencePreferenceSchema, description: "The member's choice" },
    errors: [403],
    handler: ({ params, body }, context) => changePresencePreference(params, body, context),
  }),
];
