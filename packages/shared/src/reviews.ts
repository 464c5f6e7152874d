import { z } from 'zod';
import { idSchema, isoDateSchema, isoDateTimeSchema, versionSchema } from './ids';
import { personRefSchema } from './families';

export const reviewStatuses = ['scheduled', 'completed'] as const;
export const reviewStatusSchema = z.enum(reviewStatuses);

export const reviewParamsSchema = z.strictObject({ familyId: idSchema, reviewId: idSchema });
export type ReviewParams = z.infer<typeof reviewParamsSchema>;

export const agendaItemSchema = z.object({
  id: idSchema,
  title: z.string(),
  proposedBy: personRefSchema,
  createdAt: isoDateTimeSchema,
});

/** A plan review meeting (arviointipalaveri) with its agenda. */
export const reviewSchema = z.object({
  id: idSchema,
  scheduledOn: isoDateSchema,
  status: reviewStatusSchema,
  participants: z.array(z.string()),
  minutes: z.string(),
  decisions: z.string(),
  completedAt: isoDateTimeSchema.nullable(),
  /** The plan version this review froze; null until completed. */
  planVersion: z.number().int().nullable(),
  version: versionSchema,
  agenda: z.array(agendaItemSchema),
});
export type Review = z.infer<typeof reviewSchema>;

export const reviewListSchema = z.object({ reviews: z.array(reviewSchema) });
export type ReviewList = z.infer<typeof reviewListSchema>;

/** The longest text each part of a review takes; forms count up to the same limits. */
export const reviewTextMaxLengths = {
  /** One participant's name (and role). */
  participant: 200,
  /** A topic proposed for the agenda. */
  agendaItem: 300,
  minutes: 10_000,
  decisions: 10_000,
} as const;
/** The most participants one review lists. */
export const REVIEW_MAX_PARTICIPANTS = 50;

const participantsSchema = z.array(z.string().trim().min(1).max(reviewTextMaxLengths.participant)).max(REVIEW_MAX_PARTICIPANTS);

/** A review is scheduled for today or later (in the municipality), and completed on its day or after. */
export const createReviewSchema = z.strictObject({
  scheduledOn: isoDateSchema,
  participants: participantsSchema.default([]),
});
export type CreateReview = z.infer<typeof createReviewSchema>;

export const updateReviewSchema = z.strictObject({
  scheduledOn: isoDateSchema.optional(),
  participants: participantsSchema.optional(),
  minutes: z.string().max(reviewTextMaxLengths.minutes).optional(),
  decisions: z.string().max(reviewTextMaxLengths.decisions).optional(),
  version: versionSchema,
});
export type UpdateReview = z.infer<typeof updateReviewSchema>;

export const createAgendaItemSchema = z.strictObject({
  title: z.string().trim().min(1).max(reviewTextMaxLengths.agendaItem),
});
export type CreateAgendaItem = z.infer<typeof createAgendaItemSchema>;

export const completeReviewSchema = z.strictObject({ version: versionSchema });
export type CompleteReview = z.infer<typeof completeReviewSchema>;
