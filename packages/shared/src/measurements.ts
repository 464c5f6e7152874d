import { z } from 'zod';
import { assessmentDomains, assessmentDomainSchema } from './assessments';
import { memberRelationSchema } from './families';
import { idSchema, isoDateSchema, isoDateTimeSchema, versionSchema } from './ids';

/**
 * The family's own wellbeing meter (hyvinvointimittari): the nine domains of the joint assessment
 * scored by a family member, 1 = very hard … 5 = going well. A domain may be skipped.
 */
export const measurementScores = [1, 2, 3, 4, 5] as const;
export const measurementScoreSchema = z.number().int().min(1).max(5);

/** Which wording the member answered: the adult's, or the young person's in simpler words. */
export const respondentVersions = ['adult', 'young'] as const;
export const respondentVersionSchema = z.enum(respondentVersions);
export type RespondentVersion = z.infer<typeof respondentVersionSchema>;

/** When it was taken: at the start of the work, after a plan review, or when the family wanted to. */
export const measurementOccasions = ['start', 'review', 'own'] as const;
export const measurementOccasionSchema = z.enum(measurementOccasions);
export type MeasurementOccasion = z.infer<typeof measurementOccasionSchema>;

export const domainScoreSchema = z.strictObject({ domain: assessmentDomainSchema, score: measurementScoreSchema });
export type DomainScore = z.infer<typeof domainScoreSchema>;

const scoresSchema = z
  .array(domainScoreSchema)
  .min(1)
  .max(assessmentDomains.length)
  .refine((scores) => new Set(scores.map((score) => score.domain)).size === scores.length, {
    message: 'Score each domain at most once.',
  });
const commentSchema = z.string().trim().max(1_000);

export const recordMeasurementSchema = z.strictObject({
  /** Not in the future (checked by the server against today in Helsinki). */
  takenOn: isoDateSchema,
  respondentVersion: respondentVersionSchema,
  occasion: measurementOccasionSchema,
  scores: scoresSchema,
  comment: commentSchema.default(''),
});
export type RecordMeasurement = z.infer<typeof recordMeasurementSchema>;

/** The member who made it corrects it, on the day it was made only: the whole answer again, based on its version. */
export const correctMeasurementSchema = z.strictObject({
  respondentVersion: respondentVersionSchema,
  scores: scoresSchema,
  comment: commentSchema,
  version: versionSchema,
});
export type CorrectMeasurement = z.infer<typeof correctMeasurementSchema>;

export const measurementParamsSchema = z.strictObject({ familyId: idSchema, measurementId: idSchema });
export type MeasurementParams = z.infer<typeof measurementParamsSchema>;

export const measurementSchema = z.object({
  id: idSchema,
  takenOn: isoDateSchema,
  occasion: measurementOccasionSchema,
  respondentVersion: respondentVersionSchema,
  /** The family member who filled it in. */
  takenBy: z.object({ id: idSchema, name: z.string(), relation: memberRelationSchema }),
  /** In the order of `assessmentDomains`; a skipped domain is absent. */
  scores: z.array(domainScoreSchema),
  comment: z.string(),
  createdAt: isoDateTimeSchema,
  /** When its author last corrected it; null when never. */
  correctedAt: isoDateTimeSchema.nullable(),
  version: versionSchema,
  can: z.object({ correct: z.boolean() }),
});
export type Measurement = z.infer<typeof measurementSchema>;

/**
 * What the family is asked to fill in now: the first meter, until one exists; after a completed
 * plan review, a new one, until one is made after it.
 */
export const measurementPromptSchema = z.discriminatedUnion('occasion', [
  z.object({ occasion: z.literal('start') }),
  z.object({ occasion: z.literal('review'), reviewCompletedAt: isoDateTimeSchema }),
]);
export type MeasurementPrompt = z.infer<typeof measurementPromptSchema>;

/** Every measurement of the family, oldest first: the family's line over time. */
export const measurementListSchema = z.object({
  measurements: z.array(measurementSchema),
  prompt: measurementPromptSchema.nullable(),
  can: z.object({ record: z.boolean() }),
});
export type MeasurementList = z.infer<typeof measurementListSchema>;
