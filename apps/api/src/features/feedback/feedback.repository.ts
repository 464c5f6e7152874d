import type { AnswerFeedback, FeedbackOccasion } from '@yhdessa/shared';
import { and, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/database';
import { accounts } from '../../db/tables/accounts';
import { feedbackRequests } from '../../db/tables/feedback';

const requestColumns = {
  id: feedbackRequests.id,
  familyId: feedbackRequests.familyId,
  occasion: feedbackRequests.occasion,
  openedAt: feedbackRequests.openedAt,
  answeredAt: feedbackRequests.answeredAt,
  answeredById: feedbackRequests.answeredBy,
  answeredByName: accounts.name,
  workedTogether: feedbackRequests.workedTogether,
  noRetelling: feedbackRequests.noRetelling,
  wouldRecommend: feedbackRequests.wouldRecommend,
  words: feedbackRequests.words,
  coordinatorMaySee: feedbackRequests.coordinatorMaySee,
  version: feedbackRequests.version,
};

/** The family's requests with their answers and who answered, newest first. */
export async function listFeedbackRequests(familyId: string, db: Queryable) {
  return db
    .select(requestColumns)
    .from(feedbackRequests)
    .leftJoin(accounts, eq(accounts.id, feedbackRequests.answeredBy))
    .where(eq(feedbackRequests.familyId, familyId))
    .orderBy(desc(feedbackRequests.openedAt), desc(feedbackRequests.id));
}

export type FeedbackRequestRow = Awaited<ReturnType<typeof listFeedbackRequests>>[number];

export async function findFeedbackRequest(
  familyId: string,
  requestId: string,
  db: Queryable,
): Promise<FeedbackRequestRow | null> {
  const [row] = await db
    .select(requestColumns)
    .from(feedbackRequests)
    .leftJoin(accounts, eq(accounts.id, feedbackRequests.answeredBy))
    .where(and(eq(feedbackRequests.familyId, familyId), eq(feedbackRequests.id, requestId)));
  return row ?? null;
}

/**
 * Opens a request; null when the occasion has one already (a review is asked about once, and a
 * case closed again while its closing request waits asks nothing new).
 */
export async function insertFeedbackRequest(
  familyId: string,
  occasion: { occasion: 'review'; reviewId: string } | { occasion: Exclude<FeedbackOccasion, 'review'> },
  db: Queryable,
) {
  const [row] = await db
    .insert(feedbackRequests)
    .values({ familyId, occasion: occasion.occasion, reviewId: 'reviewId' in occasion ? occasion.reviewId : null })
    .onConflictDoNothing()
    .returning({ id: feedbackRequests.id, version: feedbackRequests.version });
  return row ?? null;
}

/** Stores the family's answer only if the request has none yet; null when it has. */
export async function answerFeedbackRequest(
  familyId: string,
  requestId: string,
  answer: AnswerFeedback,
  answeredBy: string,
  db: Queryable,
) {
  const [row] = await db
    .update(feedbackRequests)
    .set({
      ...answer,
      answeredBy,
      answeredAt: sql`clock_timestamp()`,
      version: sql`${feedbackRequests.version} + 1`,
      updatedAt: new Date(),
    })
    .where(and(eq(feedbackRequests.familyId, familyId), eq(feedbackRequests.id, requestId), isNull(feedbackRequests.answeredAt)))
    .returning({ version: feedbackRequests.version });
  return row ?? null;
}

/** Gives or takes back the coordinator's permission, only if the answer is still at `basedOnVersion`. */
export async function changeFeedbackPermissionAt(
  familyId: string,
  requestId: string,
  coordinatorMaySee: boolean,
  basedOnVersion: number,
  db: Queryable,
) {
  const [row] = await db
    .update(feedbackRequests)
    .set({ coordinatorMaySee, version: sql`${feedbackRequests.version} + 1`, updatedAt: new Date() })
    .where(
      and(
        eq(feedbackRequests.familyId, familyId),
        eq(feedbackRequests.id, requestId),
        isNotNull(feedbackRequests.answeredAt),
        eq(feedbackRequests.version, basedOnVersion),
      ),
    )
    .returning({ coordinatorMaySee: feedbackRequests.coordinatorMaySee, version: feedbackRequests.version });
  return row ?? null;
}

/** One answer without anything that identifies the family or who answered, for figures across families. */
export interface DeidentifiedFeedbackAnswer {
  /**
   * Stands for the family within this one result only (1, 2, ...), so figures can count families
   * and hide those drawn from too few; it means nothing outside the result.
   */
  family: number;
  occasion: FeedbackOccasion;
  /** `YYYY-MM`, in Europe/Helsinki. */
  answeredMonth: string;
  workedTogether: number | null;
  noRetelling: number | null;
  wouldRecommend: number | null;
}

/**
 * Every family's answered feedback, de-identified, for the manager's aggregates: the one read of
 * feedback across families, named so. The family's own words stay out (they may name people), and
 * so do the coordinator's permissions: figures count every answer, and no answer leaves as itself.
 */
export async function listFeedbackAnswersOfAllFamilies(db: Queryable): Promise<DeidentifiedFeedbackAnswer[]> {
  const rows = await db
    .select({
      familyId: feedbackRequests.familyId,
      occasion: feedbackRequests.occasion,
      answeredMonth: sql<string>`to_char(${feedbackRequests.answeredAt} at time zone 'Europe/Helsinki', 'YYYY-MM')`,
      workedTogether: feedbackRequests.workedTogether,
      noRetelling: feedbackRequests.noRetelling,
      wouldRecommend: feedbackRequests.wouldRecommend,
    })
    .from(feedbackRequests)
    .where(isNotNull(feedbackRequests.answeredAt))
    // Random order, so the pseudonyms follow no order of families or of time.
    .orderBy(sql`random()`);
  const pseudonyms = new Map<string, number>();
  return rows.map(({ familyId, ...answer }) => {
    if (!pseudonyms.has(familyId)) pseudonyms.set(familyId, pseudonyms.size + 1);
    return { family: pseudonyms.get(familyId)!, ...answer };
  });
}
