import { z } from 'zod';
import { assessmentDomainSchema, assessmentSchema, ratingSchema } from './assessments';
import { idSchema, isoDateSchema, isoDateTimeSchema, localizedTextSchema, MAX_STORED_INTEGER } from './ids';
import { planSnapshotSchema } from './plans';
import { storySchema } from './story';

/** A plan version number as it comes in a path or query. */
const versionNumberParam = z.coerce.number().int().min(1).max(MAX_STORED_INTEGER);

export const planVersionParamsSchema = z.strictObject({ familyId: idSchema, version: versionNumberParam });
export type PlanVersionParams = z.infer<typeof planVersionParamsSchema>;

export const planVersionSummarySchema = z.object({
  version: z.number().int(),
  reviewId: idSchema.nullable(),
  frozenAt: isoDateTimeSchema,
});

export const planVersionListSchema = z.object({ versions: z.array(planVersionSummarySchema) });
export type PlanVersionList = z.infer<typeof planVersionListSchema>;

/** The family's story as it stood when the plan was frozen; the family's comments on it are not part of the plan. */
export const frozenStorySchema = storySchema.pick({
  background: true,
  situation: true,
  strengths: true,
  updatedBy: true,
  updatedAt: true,
});
export type FrozenStory = z.infer<typeof frozenStorySchema>;

/**
 * The plan as frozen in a version, with the story and the latest joint assessment of that day.
 * Each is null when it is not shared with the reader now (see `sharedParts`), when there was
 * none yet, or in a version frozen before versions kept them.
 */
export const frozenPlanSchema = planSnapshotSchema.extend({
  story: frozenStorySchema.nullable(),
  assessment: assessmentSchema.nullable(),
});
export type FrozenPlan = z.infer<typeof frozenPlanSchema>;

/** A frozen plan version: the plan as it stood when its review was completed. */
export const planVersionSchema = planVersionSummarySchema.extend({ plan: frozenPlanSchema });
export type PlanVersion = z.infer<typeof planVersionSchema>;

export const planVersionCompareQuerySchema = z.strictObject({
  from: versionNumberParam,
  to: versionNumberParam,
});
export type PlanVersionCompareQuery = z.infer<typeof planVersionCompareQuerySchema>;

/** What a field held in a version: text, a number, a day (`YYYY-MM-DD`), a status, or a service's name. */
export const diffValueSchema = z.union([z.string(), z.number(), localizedTextSchema]).nullable();
export type DiffValue = z.infer<typeof diffValueSchema>;

/** The fields of a goal a comparison tells about; `attainmentLevels` is the description of the levels as a whole. */
export const goalDiffFields = [
  'title',
  'ownerName',
  'indicator',
  'baseline',
  'target',
  'targetOn',
  'status',
  'endedOn',
  'attainmentLevels',
  'attainedLevel',
  'latestProgress',
] as const;
export const serviceRoleDiffFields = ['status', 'description', 'responsibleWorker', 'startsOn', 'endsOn'] as const;
/** `goal` is the goal the action serves and `service` the service that does it (null: the family), by name. */
export const actionDiffFields = ['title', 'ownerName', 'dueOn', 'status', 'goal', 'service'] as const;
export const storyDiffFields = ['background', 'situation', 'strengths'] as const;
export type GoalDiffField = (typeof goalDiffFields)[number];
export type ServiceRoleDiffField = (typeof serviceRoleDiffFields)[number];
export type ActionDiffField = (typeof actionDiffFields)[number];
export type StoryDiffField = (typeof storyDiffFields)[number];

const fieldChangeOf = <const F extends readonly [string, ...string[]]>(fields: F) =>
  z.object({ field: z.enum(fields), before: diffValueSchema, after: diffValueSchema });

/** What changed in one kind of plan item between two versions; a service role's title is its service's name. */
const entityChangesOf = <T extends z.ZodType, const F extends readonly [string, ...string[]]>(title: T, fields: F) => {
  const ref = z.object({ id: idSchema, title });
  return z.object({
    added: z.array(ref),
    removed: z.array(ref),
    changed: z.array(ref.extend({ fields: z.array(fieldChangeOf(fields)) })),
  });
};

const storyChangeSchema = z.object({ field: z.enum(storyDiffFields), before: z.string(), after: z.string() });
const ratedSchema = z.object({ rating: ratingSchema, notes: z.string() });
const assessmentChangesSchema = z.object({
  /** The day of the assessment each version held, when it differs. */
  assessedOn: z.object({ before: isoDateSchema.nullable(), after: isoDateSchema.nullable() }).nullable(),
  /** Domains whose rating or notes differ; null where the domain was not rated. */
  ratings: z.array(z.object({ domain: assessmentDomainSchema, before: ratedSchema.nullable(), after: ratedSchema.nullable() })),
});

export const planVersionComparisonSchema = z.object({
  from: z.number().int(),
  to: z.number().int(),
  goals: entityChangesOf(z.string(), goalDiffFields),
  serviceRoles: entityChangesOf(localizedTextSchema, serviceRoleDiffFields),
  actions: entityChangesOf(z.string(), actionDiffFields),
  /** Null when either version holds no story the reader may see. */
  story: z.array(storyChangeSchema).nullable(),
  /** Null when either version holds no assessment the reader may see. */
  assessment: assessmentChangesSchema.nullable(),
});
export type PlanVersionComparison = z.infer<typeof planVersionComparisonSchema>;
export type GoalChanges = PlanVersionComparison['goals'];
export type ServiceRoleChanges = PlanVersionComparison['serviceRoles'];
export type ActionChanges = PlanVersionComparison['actions'];
export type AssessmentChanges = NonNullable<PlanVersionComparison['assessment']>;
