import {
  answerFeedbackSchema,
  changeFeedbackPermissionSchema,
  familyParamsSchema,
  feedbackListSchema,
  feedbackParamsSchema,
  feedbackRequestSchema,
} from '@yhdessa/shared';
import { defineRoute } from '../../http/route';
import { answerFeedback, changeFeedbackPermission, listFamilyFeedback } from './feedback.service';

export const feedbackRoutes = [
  defineRoute({
    method: 'get',
    path: '/families/:familyId/feedback',
    summary:
      "The family's feedback requests, newest first: the family reads its answers; the coordinator whether each was answered, and the answers the family lets them see",
    tag: 'feedback',
    access: { kind: 'family' },
    params: familyParamsSchema,
    response: { status: 200, schema: feedbackListSchema, description: 'Feedback requests' },
    handler: ({ params }, context) => listFamilyFeedback(params, context),
  }),
  defineRoute({
    method: 'post',
    path: '/families/:familyId/feedback/:requestId/answer',
    summary: 'A family member answers a feedback request, once; the answer is not changed afterwards (also on a closed case)',
    tag: 'feedback',
    access: { kind: 'family' },
    params: feedbackParamsSchema,
    body: answerFeedbackSchema,
    response: { status: 201, schema: feedbackRequestSchema, description: 'The request with its answer' },
    errors: [403, 409],
    handler: ({ params, body }, context) => answerFeedback(params, body, context),
  }),
  defineRoute({
    method: 'patch',
    path: '/families/:familyId/feedback/:requestId/answer',
    summary: 'Who answered lets the coordinator see the answer, or takes the permission back (based on the version you saw)',
    tag: 'feedback',
    access: { kind: 'family' },
    params: feedbackParamsSchema,
    body: changeFeedbackPermissionSchema,
    response: { status: 200, schema: feedbackRequestSchema, description: 'The request with its answer' },
    errors: [403, 409],
    handler: ({ params, body }, context) => changeFeedbackPermission(params, body, context),
  }),
];
