import {
  createGoalProgressSchema,
  createGoalSchema,
  endGoalSchema,
  familyParamsSchema,
  goalParamsSchema,
  goalSchema,
  reopenGoalSchema,
  updateGoalSchema,
} from '@yhdessa/shared';
import { defineRoute } from '../../http/route';
import { createGoal, endGoal, recordGoalProgress, reopenGoal, updateGoal } from './goals.service';

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
    summary: 'Reword a goal or its attainment levels (the coordinator, based on the version you saw)',
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
    path: '/families/:familyId/goals/:goalId/end',
    summary: 'End a goal as reached, partly reached, not reached or dropped, on a day, with the attained level (the coordinator)',
    description:
      'The day is today in the municipality unless given; never in the future nor before the goal was made. A goal with ' +
      'attainment levels that is not dropped needs `attainedLevel` (-2..+2); any other refuses one. An ended goal may be ' +
      'ended again, to correct how or when.',
    tag: 'goals',
    access: { kind: 'family' },
    params: goalParamsSchema,
    body: endGoalSchema,
    response: { status: 200, schema: goalSchema, description: 'The ended goal' },
    errors: [403, 409],
    handler: ({ params, body }, context) => endGoal(params, body, context),
  }),
  defineRoute({
    method: 'post',
    path: '/families/:familyId/goals/:goalId/reopen',
    summary: 'Open an ended goal again; its ending, day and attained level are cleared (the coordinator)',
    tag: 'goals',
    access: { kind: 'family' },
    params: goalParamsSchema,
    body: reopenGoalSchema,
    response: { status: 200, schema: goalSchema, description: 'The open goal' },
    errors: [403, 409],
    handler: ({ params, body }, context) => reopenGoal(params, body, context),
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
