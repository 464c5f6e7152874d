import { actionParamsSchema, commentSchema, commentThreadSchema, goalParamsSchema, newCommentSchema } from '@yhdessa/shared';
import { defineRoute } from '../../http/route';
import { addComment, readComments } from './comments.service';

export const commentsRoutes = [
  defineRoute({
    method: 'get',
    path: '/families/:familyId/goals/:goalId/comments',
    summary: "The comments on one of the family's goals; a service reads them only with the family's consent for goals",
    tag: 'comments',
    access: { kind: 'family' },
    params: goalParamsSchema,
    response: { status: 200, schema: commentThreadSchema, description: 'The comments, oldest first' },
    handler: ({ params }, context) => readComments(params.familyId, { kind: 'goal', id: params.goalId }, context),
  }),
  defineRoute({
    method: 'post',
    path: '/families/:familyId/goals/:goalId/comments',
    summary: 'Comment on a goal: the family, the coordinator and the services the goals are shared with',
    tag: 'comments',
    access: { kind: 'family' },
    params: goalParamsSchema,
    body: newCommentSchema,
    response: { status: 201, schema: commentSchema, description: 'The comment' },
    errors: [409],
    handler: ({ params, body }, context) => addComment(params.familyId, { kind: 'goal', id: params.goalId }, body, context),
  }),
  defineRoute({
    method: 'get',
    path: '/families/:familyId/actions/:actionId/comments',
    summary: 'The comments on one action in the plan',
    tag: 'comments',
    access: { kind: 'family' },
    params: actionParamsSchema,
    response: { status: 200, schema: commentThreadSchema, description: 'The comments, oldest first' },
    handler: ({ params }, context) => readComments(params.familyId, { kind: 'action', id: params.actionId }, context),
  }),
  defineRoute({
    method: 'post',
    path: '/families/:familyId/actions/:actionId/comments',
    summary: 'Comment on an action: everyone in the plan',
    tag: 'comments',
    access: { kind: 'family' },
    params: actionParamsSchema,
    body: newCommentSchema,
    response: { status: 201, schema: commentSchema, description: 'The comment' },
    errors: [409],
    handler: ({ params, body }, context) => addComment(params.familyId, { kind: 'action', id: params.actionId }, body, context),
  }),
];
