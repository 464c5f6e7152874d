import {
  consentDecisionSchema,
  familyConsentsSchema,
  familyParamsSchema,
  serviceRoleParamsSchema,
  serviceRoleVisibilitySchema,
} from '@yhdessa/shared';
import { defineRoute } from '../../http/route';
import { changeServiceRoleVisibility, decideConsent, readFamilyConsents } from './consents.service';

export const consentsRoutes = [
  defineRoute({
    method: 'get',
    path: '/families/:familyId/consents',
    summary: "The family's consents: what each service in the plan may see, with the full history",
    tag: 'consent',
    access: { kind: 'family' },
    params: familyParamsSchema,
    response: { status: 200, schema: familyConsentsSchema, description: 'Consents and their history' },
    handler: ({ params }, context) => readFamilyConsents(params.familyId, context),
  }),
  defineRoute({
    method: 'post',
    path: '/families/:familyId/consents',
    summary: 'A guardian gives or withdraws consent for one service and one plan part',
    tag: 'consent',
    access: { kind: 'family' },
    params: familyParamsSchema,
    body: consentDecisionSchema,
    response: { status: 200, schema: familyConsentsSchema, description: 'Consents after the decision' },
    errors: [409],
    handler: ({ params, body }, context) => decideConsent(params.familyId, body, context),
  }),
  defineRoute({
    method: 'patch',
    path: '/families/:familyId/service-roles/:serviceRoleId/visibility',
    summary: "Keep a service's role from the other services, or show it again (a guardian or the coordinator)",
    tag: 'consent',
    access: { kind: 'family' },
    params: serviceRoleParamsSchema,
    body: serviceRoleVisibilitySchema,
    response: { status: 200, schema: familyConsentsSchema, description: 'Consents after the change' },
    errors: [403, 404, 409],
    handler: ({ params, body }, context) => changeServiceRoleVisibility(params, body, context),
  }),
];
