import { z } from 'zod';

/**
 * Goal attainment scaling (GAS): five levels from -2, much less than expected, through 0, the
 * expected outcome, to +2, much more than expected.
 */
export const attainmentLevels = [-2, -1, 0, 1, 2] as const;
export const attainmentLevelSchema = z.literal(attainmentLevels);
export type AttainmentLevel = z.infer<typeof attainmentLevelSchema>;

/** The longest description of one level. */
export const ATTAINMENT_LEVEL_MAX_LENGTH = 300;
const levelText = z.string().trim().max(ATTAINMENT_LEVEL_MAX_LENGTH);

/** What each level of a goal looks like, in words; the expected outcome (0) is always described. */
export const attainmentScaleSchema = z.strictObject({
  muchLess: levelText,
  less: levelText,
  expected: levelText.min(1),
  more: levelText,
  muchMore: levelText,
});
export type AttainmentScale = z.infer<typeof attainmentScaleSchema>;

/** The scale's field that describes each level. */
export const attainmentScaleKeys = {
  [-2]: 'muchLess',
  [-1]: 'less',
  0: 'expected',
  1: 'more',
  2: 'muchMore',
} as const satisfies Record<AttainmentLevel, keyof AttainmentScale>;

const count = z.number().int().min(0);

/** How the family's goals have gone, counted: each ending, and the attained levels of goals with a scale. */
export const goalAttainmentSchema = z.object({
  total: count,
  open: count,
  reached: count,
  partlyReached: count,
  notReached: count,
  dropped: count,
  /**
   * Goals with attainment levels that ended, not dropped, by the level they attained. The
   * expected level is 0: below it less came of the goal than was expected, above it more.
   */
  levels: z.array(z.object({ level: attainmentLevelSchema, count })),
});
export type GoalAttainment = z.infer<typeof goalAttainmentSchema>;
