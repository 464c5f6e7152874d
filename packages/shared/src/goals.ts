import { z } from 'zod';
import { idSchema, isoDateSchema, versionSchema } from './ids';
import { goalStatusSchema } from './plans';

export const goalParamsSchema = z.strictObject({ familyId: idSchema, goalId: idSchema });
export type GoalParams = z.infer<typeof goalParamsSchema>;

const goalText = z.string().trim().max(500);

/** A goal in the family's own words. */
export const createGoalSchema = z.strictObject({
  title: z.string().trim().min(1).max(300),
  ownerName: z.string().trim().max(200).default(''),
  indicator: goalText.default(''),
  baseline: goalText.default(''),
  target: goalText.default(''),
  targetOn: isoDateSchema.nullable().default(null),
});
export type CreateGoal = z.infer<typeof createGoalSchema>;

export const updateGoalSchema = z.strictObject({
  title: z.string().trim().min(1).max(300).optional(),
  ownerName: z.string().trim().max(200).optional(),
  indicator: goalText.optional(),
  baseline: goalText.optional(),
  target: goalText.optional(),
  targetOn: isoDateSchema.nullable().optional(),
  status: goalStatusSchema.optional(),
  /** The version the change is based on; a stale one answers 409. */
  version: versionSchema,
});
export type UpdateGoal = z.infer<typeof updateGoalSchema>;

export const createGoalProgressSchema = z.strictObject({
  recordedOn: isoDateSchema,
  value: z.string().trim().min(1).max(200),
  note: z.string().trim().max(2000).default(''),
});
export type CreateGoalProgress = z.infer<typeof createGoalProgressSchema>;
