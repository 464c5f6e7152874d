import { FEEDBACK_SCORE_MAX, FEEDBACK_WORDS_MAX, feedbackOccasions } from '@yhdessa/shared';
import { sql } from 'drizzle-orm';
import { boolean, check, index, pgEnum, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, updatedAt, version } from '../columns';
import { accounts } from './accounts';
import { families } from './families';
import { reviews } from './reviews';

export const feedbackOccasionEnum = pgEnum('feedback_occasion', feedbackOccasions);

/**
 * The family's experience (asiakaspalaute): a request opened when a review is completed or the
 * case closes, and the family's one answer to it. The answer is never changed once sent; only
 * the coordinator's permission to see it is (hence `version`).
 */
export const feedbackRequests = pgTable(
  'feedback_requests',
  {
    id: id(),
    familyId: uuid('family_id')
      .notNull()
      .references(() => families.id),
    occasion: feedbackOccasionEnum('occasion').notNull(),
    /** The completed review that opened the request; null for a closing request. */
    reviewId: uuid('review_id').references(() => reviews.id),
    openedAt: timestamp('opened_at', { withTimezone: true })
      .notNull()
      .default(sql`clock_timestamp()`),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    answeredBy: uuid('answered_by').references(() => accounts.id),
    /** 0-10, 10 always good; null when skipped (or not answered yet). */
    workedTogether: smallint('worked_together'),
    noRetelling: smallint('no_retelling'),
    wouldRecommend: smallint('would_recommend'),
    words: text('words').notNull().default(''),
    coordinatorMaySee: boolean('coordinator_may_see').notNull().default(false),
    version: version(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index('feedback_requests_family_idx').on(table.familyId, table.openedAt),
    // One request per completed review.
    uniqueIndex('feedback_requests_review_unique').on(table.reviewId),
    // A case closed again while its closing request still waits asks nothing new.
    uniqueIndex('feedback_requests_open_closing_unique')
      .on(table.familyId)
      .where(sql`${table.occasion} = 'closing' and ${table.answeredAt} is null`),
    check('feedback_requests_review_occasion', sql`(${table.occasion} = 'review') = (${table.reviewId} is not null)`),
    check('feedback_requests_answered_by', sql`(${table.answeredAt} is null) = (${table.answeredBy} is null)`),
    check(
      'feedback_requests_scores',
      sql`${table.workedTogether} between 0 and ${sql.raw(String(FEEDBACK_SCORE_MAX))}
        and ${table.noRetelling} between 0 and ${sql.raw(String(FEEDBACK_SCORE_MAX))}
        and ${table.wouldRecommend} between 0 and ${sql.raw(String(FEEDBACK_SCORE_MAX))}`,
    ),
    check('feedback_requests_words_length', sql`char_length(${table.words}) <= ${sql.raw(String(FEEDBACK_WORDS_MAX))}`),
    // Nothing is said before the family answers.
    check(
      'feedback_requests_unanswered_empty',
      sql`${table.answeredAt} is not null or (${table.workedTogether} is null and ${table.noRetelling} is null
        and ${table.wouldRecommend} is null and ${table.words} = '' and not ${table.coordinatorMaySee})`,
    ),
  ],
);
