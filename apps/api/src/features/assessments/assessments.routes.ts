import {
  assessmentListSchema,
  assessmentRatingParamsSchema,
  assessmentSchema,
  createAssessmentSchema,
  familyParamsSchema,
  updateRatingSchema,
} from '@yhdessa/shared';
import { defineRoute } from '../../http/route';
import { createAssessment, rateDomain, readAssessments } from './assessments.service';

export const assessmentsRoutes = [
  defineRoute({
    method: 'get',
    path: '/families/:familyId/assessments',
    summary: "Every joint assessment of the family, newest first; a service sees them only with the family's consent",
    tag: 'assessments',
    access: { kind: 'family' },
    params: familyParamsSchema,
    response: { status: 200, schema: assessmentListSchema, description: 'Assessments' },
    handler: ({ params }, context) => readAssessments(params.familyId, context),
  }),
  defineRoute({
    method: 'post',
    path: '/families/:familyId/assessments',
    summary: 'The coordinator records a joint assessment: a rating 1-5 and notes per domain, each domain at most once',
    tag: 'assessments',
    access: { kind: 'family' },
    params: familyParamsSchema,
    body: createAssessmentSchema,
    response: { status: 201, schema: assessmentSchema, description: 'The new assessment' },
    errors: [403, 409],
    handler: ({ params, body }, context) => createAssessment(params.familyId, body, context),
  }),
  defineRoute({
    method: 'patch',
    path: '/families/:familyId/assessments/:assessmentId/ratings/:domain',
    summary: "Correct (or add) one domain's rating of the latest assessment, based on the assessment's version",
    tag: 'assessments',
    access: { kind: 'family' },
    params: assessmentRatingParamsSchema,
    body: updateRatingSchema,
    response: { status: 200, schema: assessmentSchema, description: 'The assessment after the change' },
    errors: [403, 409],
    handler: ({ params, body }, context) => rateDomain(params, body, context),
  }),
];
