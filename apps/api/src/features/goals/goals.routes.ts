import {
  createGoalProgressSchema,
  createGoalSchema,
  familyParamsSchema,
  goalParamsSchema,
  goalSchema,
  updateGoalSchema,
} from '@yhdessa/shared';
import { defineRoute } from '../../http/route';
import { createGoal, recordGoalProgress, updateGoal } from './goals.service';

export const goalsRoutes = [
  defineRoute({
    method: 'post',
    path: '/families/:familyId/goals',
    summary: "Add a goal in the family's own words (the family or the coordinator)",
    tag: 'goals',
    access: { kind: 'family' },
    params: familyParamsSchema,
    body: createGoalSchema,
    response: { status: 201, schema: goalSchema, description: 'The new goal' },
    errors: [403, 409],
    handler: ({ params, body }, context) => createGoal(params.familyId, body, context),
  }),
  defineRoute({
    method: 'patch',
    path: '/families/:familyId/goals/:goalId',
    summary: 'Change a goal or its status (the coordinator, based on the version you saw)',
    tag: 'goals',
    access: { kind: 'family' },
    params: goalParamsSchema,
    body: updateGoalSchema,
    response: { status: 200, schema: goalSchema, description: 'The updated goal' },
    errors: [403, 409],
    handler: ({ params, body }, context) => updateGoal(params, body, context),
  }),
  defineRoute({
    method: 'post',
    path: '/families/:familyId/goals/:goalId/progress',
    summary: 'Record a dated progress entry on a goal',
    tag: 'goals',
    access: { kind: 'family' },
    params: goalParamsSchema,
    body: createGoalProgressSchema,
    response: { status: 201, schema: goalSchema, description: 'The goal with all its progress entries' },
    errors: [403, 409],
    handler: ({ params, body }, context) => recordGoalProgress(params, body, context),
  }),
];
