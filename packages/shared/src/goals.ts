import { z } from 'zod';
import { idSchema, isoDateSchema, versionSchema } from './ids';
import { endingSchema } from './endings';
import { attainmentLevelSchema, attainmentScaleSchema } from './goal-attainment';

export const goalParamsSchema = z.strictObject({ familyId: idSchema, goalId: idSchema });
export type GoalParams = z.infer<typeof goalParamsSchema>;

/** The longest text each field of a goal takes; forms show the same limits as they count. */
export const goalFieldMaxLengths = {
  title: 300,
  ownerName: 200,
  indicator: 500,
  baseline: 500,
  target: 500,
} as const;

const goalText = (field: keyof typeof goalFieldMaxLengths) => z.string().trim().max(goalFieldMaxLengths[field]);
const goalTitle = goalText('title').min(1);

/**
 * A goal in the family's own words. A target date is today or later (in the municipality);
 * attainment levels are optional.
 */
export const createGoalSchema = z.strictObject({
  title: goalTitle,
  ownerName: goalText('ownerName').default(''),
  indicator: goalText('indicator').default(''),
  baseline: goalText('baseline').default(''),
  target: goalText('target').default(''),
  targetOn: isoDateSchema.nullable().default(null),
  attainmentScale: attainmentScaleSchema.nullable().default(null),
});
export type CreateGoal = z.infer<typeof createGoalSchema>;

/**
 * Rewording a goal. A changed target date is today or later; the attainment levels change only
 * while the goal is open. How a goal ends is `endGoalSchema`'s.
 */
export const updateGoalSchema = z.strictObject({
  title: goalTitle.optional(),
  ownerName: goalText('ownerName').optional(),
  indicator: goalText('indicator').optional(),
  baseline: goalText('baseline').optional(),
  target: goalText('target').optional(),
  targetOn: isoDateSchema.nullable().optional(),
  attainmentScale: attainmentScaleSchema.nullable().optional(),
  /** The version the change is based on; a stale one answers 409. */
  version: versionSchema,
});
export type UpdateGoal = z.infer<typeof updateGoalSchema>;

/** Ends a goal, or changes how an ended one ended. */
export const endGoalSchema = z
  .strictObject({
    ending: endingSchema,
    /** Today in the municipality when not given; never in the future, nor before the goal was made. */
    endedOn: isoDateSchema.optional(),
    /** Needed when the goal has attainment levels and was not dropped; refused otherwise. */
    attainedLevel: attainmentLevelSchema.nullable().default(null),
    version: versionSchema,
  })
  .refine((end) => end.ending !== 'dropped' || end.attainedLevel === null, {
    path: ['attainedLevel'],
    message: 'A dropped goal attains no level',
  });
export type EndGoal = z.infer<typeof endGoalSchema>;

/** Opens an ended goal again: its ending, date and attained level are cleared. */
export const reopenGoalSchema = z.strictObject({ version: versionSchema });
export type ReopenGoal = z.infer<typeof reopenGoalSchema>;

/** The longest text of a progress entry: a short reading of the indicator, and a few words on it. */
export const goalProgressMaxLengths = { value: 200, note: 1_000 } as const;

export const createGoalProgressSchema = z.strictObject({
  recordedOn: isoDateSchema,
  value: z.string().trim().min(1).max(goalProgressMaxLengths.value),
  note: z.string().trim().max(goalProgressMaxLengths.note).default(''),
});
export type CreateGoalProgress = z.infer<typeof createGoalProgressSchema>;
