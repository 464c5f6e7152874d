import { z } from 'zod';
import { personRefSchema } from './families';
import { idSchema, isoDateTimeSchema, versionSchema } from './ids';

/** When the family is asked about its experience: after a completed review, and when the case closes. */
export const feedbackOccasions = ['review', 'closing'] as const;
export const feedbackOccasionSchema = z.enum(feedbackOccasions);
export type FeedbackOccasion = z.infer<typeof feedbackOccasionSchema>;

/**
 * The questions, each answered on a 0-10 scale where 10 is always good: the services worked
 * together for us; we did not have to retell our story; we would recommend this way of working.
 */
export const feedbackQuestions = ['workedTogether', 'noRetelling', 'wouldRecommend'] as const;
export type FeedbackQuestion = (typeof feedbackQuestions)[number];

export const FEEDBACK_SCORE_MAX = 10;
/** The family's own words, at most this many characters. */
export const FEEDBACK_WORDS_MAX = 1000;

/** One answer to one question; null when the family skipped it. */
const feedbackScoreSchema = z.number().int().min(0).max(FEEDBACK_SCORE_MAX).nullable();

/** The family's answer to one request, as those who may see it read it. */
export const feedbackAnswerSchema = z.object({
  workedTogether: feedbackScoreSchema,
  noRetelling: feedbackScoreSchema,
  wouldRecommend: feedbackScoreSchema,
  words: z.string(),
  /** The family lets the coordinator see this answer; it may take the permission back. */
  coordinatorMaySee: z.boolean(),
  answeredBy: personRefSchema,
  answeredAt: isoDateTimeSchema,
  version: versionSchema,
});
export type FeedbackAnswer = z.infer<typeof feedbackAnswerSchema>;

/** What the caller may do with one request, as the server decides it. */
export const feedbackCapabilitiesSchema = z.object({
  /** Answer it: a family member, once per request. */
  answer: z.boolean(),
  /** Give or take back the coordinator's permission to see the answer: whoever answered. */
  changePermission: z.boolean(),
});

/**
 * One request for the family's experience. The coordinator learns only whether it was answered;
 * `answer` is null for them unless the family lets them see it. Services never read requests.
 */
export const feedbackRequestSchema = z.object({
  id: idSchema,
  occasion: feedbackOccasionSchema,
  openedAt: isoDateTimeSchema,
  answered: z.boolean(),
  answer: feedbackAnswerSchema.nullable(),
  can: feedbackCapabilitiesSchema,
});
export type FeedbackRequest = z.infer<typeof feedbackRequestSchema>;

/** The family's feedback requests, newest first. */
export const feedbackListSchema = z.object({ requests: z.array(feedbackRequestSchema) });
export type FeedbackList = z.infer<typeof feedbackListSchema>;

export const feedbackParamsSchema = z.strictObject({ familyId: idSchema, requestId: idSchema });
export type FeedbackParams = z.infer<typeof feedbackParamsSchema>;

/** Every question may be skipped, but an answer says something: a score or a few words. */
export const answerFeedbackSchema = z
  .strictObject({
    workedTogether: feedbackScoreSchema.default(null),
    noRetelling: feedbackScoreSchema.default(null),
    wouldRecommend: feedbackScoreSchema.default(null),
    words: z.string().trim().max(FEEDBACK_WORDS_MAX).default(''),
    coordinatorMaySee: z.boolean().default(false),
  })
  .refine((answer) => answer.words !== '' || feedbackQuestions.some((question) => answer[question] !== null), {
    message: 'Answer at least one question or write a few words.',
  });
export type AnswerFeedback = z.infer<typeof answerFeedbackSchema>;

export const changeFeedbackPermissionSchema = z.strictObject({
  coordinatorMaySee: z.boolean(),
  version: versionSchema,
});
export type ChangeFeedbackPermission = z.infer<typeof changeFeedbackPermissionSchema>;
