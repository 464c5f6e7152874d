import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { accounts } from '../../db/tables/accounts';
import type { Queryable } from '../../db/database';
import { agendaItems, reviews } from '../../db/tables/reviews';

export async function findReview(familyId: string, reviewId: string, db: Queryable) {
  const [row] = await db
    .select()
    .from(reviews)
    .where(and(eq(reviews.familyId, familyId), eq(reviews.id, reviewId)));
  return row ?? null;
}

export type ReviewRow = NonNullable<Awaited<ReturnType<typeof findReview>>>;

export async function listReviews(familyId: string, db: Queryable) {
  return db
    .select()
    .from(reviews)
    .where(eq(reviews.familyId, familyId))
    .orderBy(desc(reviews.scheduledOn), desc(reviews.createdAt));
}

/** Agenda items of the family's reviews (or of one), oldest first, with who proposed them. */
export async function listAgendaItems(familyId: string, db: Queryable, reviewId?: string) {
  return db
    .select({
      id: agendaItems.id,
      reviewId: agendaItems.reviewId,
      title: agendaItems.title,
      proposedById: agendaItems.proposedBy,
      proposedByName: accounts.name,
      createdAt: agendaItems.createdAt,
    })
    .from(agendaItems)
    .innerJoin(accounts, eq(accounts.id, agendaItems.proposedBy))
    .where(and(eq(agendaItems.familyId, familyId), reviewId ? eq(agendaItems.reviewId, reviewId) : undefined))
    .orderBy(asc(agendaItems.createdAt), asc(agendaItems.id));
}

export type AgendaItemRow = Awaited<ReturnType<typeof listAgendaItems>>[number];

export async function insertReview(familyId: string, values: { scheduledOn: string; participants: string[] }, db: Queryable) {
  const [row] = await db
    .insert(reviews)
    .values({ familyId, ...values })
    .returning();
  return row!;
}

export async function insertAgendaItem(
  familyId: string,
  reviewId: string,
  values: { title: string; proposedBy: string },
  db: Queryable,
) {
  const [row] = await db
    .insert(agendaItems)
    .values({ familyId, reviewId, ...values })
    .returning();
  return row!;
}

/** Changes the review only if it is still at `basedOnVersion`; null when someone else got there first. */
export async function updateReviewAt(
  familyId: string,
  reviewId: string,
  change: Partial<
    Pick<
      ReviewRow,
      'scheduledOn' | 'participants' | 'minutes' | 'decisions' | 'status' | 'completedAt' | 'completedBy' | 'planVersion'
    >
  >,
  basedOnVersion: number,
  db: Queryable,
) {
  const [row] = await db
    .update(reviews)
    .set({ ...change, version: sql`${reviews.version} + 1`, updatedAt: new Date() })
    .where(and(eq(reviews.familyId, familyId), eq(reviews.id, reviewId), eq(reviews.version, basedOnVersion)))
    .returning();
  return row ?? null;
}
