import { z } from 'zod';
import { personRefSchema } from './families';
import { idSchema, isoDateSchema, isoDateTimeSchema, versionSchema } from './ids';

/** The domains of the joint needs assessment. */
export const assessmentDomains = [
  'daily-life',
  'parenting',
  'child-development-and-school',
  'physical-health',
  'mental-health-and-substances',
  'finances-and-work',
  'housing',
  'social-network-and-leisure',
  'safety',
] as const;
export const assessmentDomainSchema = z.enum(assessmentDomains);
export type AssessmentDomain = z.infer<typeof assessmentDomainSchema>;

/** 1 = serious concern … 5 = going well. */
export const ratingSchema = z.number().int().min(1).max(5);
const notesSchema = z.string().max(2_000);

export const newRatingSchema = z.strictObject({
  domain: assessmentDomainSchema,
  rating: ratingSchema,
  notes: notesSchema.default(''),
});
export type NewRating = z.infer<typeof newRatingSchema>;

export const createAssessmentSchema = z.strictObject({
  assessedOn: isoDateSchema,
  ratings: z
    .array(newRatingSchema)
    .min(1)
    .max(assessmentDomains.length)
    .refine((ratings) => new Set(ratings.map((rating) => rating.domain)).size === ratings.length, {
      message: 'Rate each domain at most once.',
    }),
});
export type CreateAssessment = z.infer<typeof createAssessmentSchema>;

export const assessmentRatingSchema = z.object({
  domain: assessmentDomainSchema,
  rating: ratingSchema,
  notes: z.string(),
  ratedBy: personRefSchema,
  ratedAt: isoDateTimeSchema,
});
export type AssessmentRating = z.infer<typeof assessmentRatingSchema>;

export const assessmentSchema = z.object({
  id: idSchema,
  assessedOn: isoDateSchema,
  createdBy: personRefSchema,
  createdAt: isoDateTimeSchema,
  /** Ratings in the order of `assessmentDomains`; a domain not rated is absent. */
  ratings: z.array(assessmentRatingSchema),
  version: versionSchema,
});
export type Assessment = z.infer<typeof assessmentSchema>;

/** Every assessment of the family, newest first, for comparison over time. */
export const assessmentListSchema = z.object({ assessments: z.array(assessmentSchema) });
export type AssessmentList = z.infer<typeof assessmentListSchema>;

export const assessmentRatingParamsSchema = z.strictObject({
  familyId: idSchema,
  assessmentId: idSchema,
  domain: assessmentDomainSchema,
});
export type AssessmentRatingParams = z.infer<typeof assessmentRatingParamsSchema>;

/** Corrects one domain of the latest assessment (or adds it); versioned by the assessment. */
export const updateRatingSchema = z.strictObject({
  rating: ratingSchema,
  notes: notesSchema.optional(),
  version: versionSchema,
});
export type UpdateRating = z.infer<typeof updateRatingSchema>;
