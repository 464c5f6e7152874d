import { z } from 'zod';
import { assessmentDomainSchema } from './assessments';
import { localizedTextSchema } from './ids';
import { costCellSchema } from './insights';
import { cursorSchema, pageLimitSchema } from './paging';

/**
 * The manager's outcome figures: what the families' cases came to, with no family in them. A
 * figure drawn from fewer than `MIN_FAMILIES_PER_FIGURE` families comes as null with
 * `suppressed: true`, and so does a count that would give a hidden one away through a total.
 */

/** Days from the baseline meter to the first meter that may count as a follow-up (about three months). */
export const WELLBEING_FOLLOW_UP_DAYS = 90;
/** A family improved when at least this many domains answered in both meters rose by a step or more. */
export const WELLBEING_IMPROVED_DOMAINS = 3;

/**
 * One figure (a count, a mean, a share in per cent, a cost in cents) and how many families it was
 * drawn from. `value` is null when it is drawn from no family (a mean of nothing).
 */
export const outcomeCellSchema = z.discriminatedUnion('suppressed', [
  z.object({ suppressed: z.literal(false), value: z.number().nullable(), families: z.number().int() }),
  z.object({ suppressed: z.literal(true), value: z.null(), families: z.null() }),
]);
export type OutcomeCell = z.infer<typeof outcomeCellSchema>;

/** Each family's first wellbeing meter against the latest one of the same member at least 90 days later. */
export const wellbeingFiguresSchema = z.object({
  /** Families counted: measured twice, counted in the year of the latest meter. */
  measured: outcomeCellSchema,
  /** Of them, those improved by a step in at least three domains: a count, and its share in per cent. */
  improved: outcomeCellSchema,
  improvedShare: outcomeCellSchema,
  /** The mean change (latest minus first, on the 1-5 scale) of each domain, over the families that answered it both times. */
  domains: z.array(z.object({ domain: assessmentDomainSchema, meanChange: outcomeCellSchema })),
});
export type WellbeingFigures = z.infer<typeof wellbeingFiguresSchema>;

/** Goals ended in the period, counted by how they ended (goals, not families; suppressed by families). */
export const goalFiguresSchema = z.object({
  reached: outcomeCellSchema,
  partlyReached: outcomeCellSchema,
  notReached: outcomeCellSchema,
  dropped: outcomeCellSchema,
  /** Every goal that ended. */
  ended: outcomeCellSchema,
  /** Reached of those ended and not dropped, in per cent. */
  attainmentRate: outcomeCellSchema,
  /** The mean attained level (-2..+2) of goals with an attainment scale that ended, not dropped. */
  meanAttainedLevel: outcomeCellSchema,
});
export type GoalFigures = z.infer<typeof goalFiguresSchema>;

/** The families' answers to the three experience questions (0-10) in the period. */
export const experienceFiguresSchema = z.object({
  answers: outcomeCellSchema,
  workedTogether: outcomeCellSchema,
  noRetelling: outcomeCellSchema,
  wouldRecommend: outcomeCellSchema,
  /** Share of 9-10 minus share of 0-6 of "would recommend", in per cent points (-100..100), as NPS. */
  recommendScore: outcomeCellSchema,
});
export type ExperienceFigures = z.infer<typeof experienceFiguresSchema>;

/** What the group's services cost in the period, and that cost per outcome reached. */
export const costPerOutcomeSchema = z.object({
  /** The cost as the cost tables show it, with the same figures hidden. */
  cost: costCellSchema,
  costPerGoalReached: outcomeCellSchema,
  costPerFamilyImproved: outcomeCellSchema,
});
export type CostPerOutcome = z.infer<typeof costPerOutcomeSchema>;

export const outcomePeriodSchema = z.object({
  /** A calendar year in Finnish time, or null for every year together. */
  year: z.number().int().nullable(),
  wellbeing: wellbeingFiguresSchema,
  goals: goalFiguresSchema,
  experience: experienceFiguresSchema,
  costPerOutcome: costPerOutcomeSchema,
});
export type OutcomePeriod = z.infer<typeof outcomePeriodSchema>;

/**
 * Whose outcomes: the families of a municipality (the organisation of the family's coordinator),
 * or the families that used a service in the year (their outcomes of that year, beside what that
 * service alone cost).
 */
export const outcomeGroupKinds = ['municipality', 'program', 'service'] as const;

export const outcomeGroupSchema = z.object({
  kind: z.enum(outcomeGroupKinds),
  label: localizedTextSchema,
  /** Each year with data, oldest first, then every year together. */
  periods: z.array(outcomePeriodSchema),
});
export type OutcomeGroup = z.infer<typeof outcomeGroupSchema>;

/**
 * A page of the service groups: the services ordered by the families that used them in every year
 * together, most first (a count below `MIN_FAMILIES_PER_FIGURE` counts as none, so services too
 * small to show a figure go by name alone), then by Finnish name. A page is a slice of the same
 * groups, each suppressed as a whole on its own, so no page shows what another hides.
 */
export const outcomeServicePageSchema = z.object({
  groups: z.array(outcomeGroupSchema),
  /** Pass as `cursor` to `/insights/outcomes/services` for the next page; null on the last. */
  nextCursor: cursorSchema.nullable(),
  /** The services with outcome figures in all, on every page. */
  count: z.number().int().min(0),
});
export type OutcomeServicePage = z.infer<typeof outcomeServicePageSchema>;

export const outcomeServicePageQuerySchema = z.strictObject({
  cursor: cursorSchema.optional(),
  limit: pageLimitSchema,
});
export type OutcomeServicePageQuery = z.infer<typeof outcomeServicePageQuerySchema>;

export const insightsOutcomesSchema = z.object({
  /** Years with outcomes or priced usage, oldest first. */
  years: z.array(z.number().int()),
  /** Municipalities first, the one with the most families first; then the organisation's programmes. */
  groups: z.array(outcomeGroupSchema),
  /** The first page of the services (`DEFAULT_PAGE_SIZE` of them) and how many there are in all. */
  services: outcomeServicePageSchema,
});
export type InsightsOutcomes = z.infer<typeof insightsOutcomesSchema>;
