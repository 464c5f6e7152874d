import { assessmentDomains, type AssessmentDomain, type NewRating } from '@yhdessa/shared';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { accounts } from '../../db/tables/accounts';
import type { Queryable } from '../../db/database';
import { assessmentRatings, assessments } from '../../db/tables/assessments';

const creators = alias(accounts, 'creators');

/** The family's assessments, newest first, each with its ratings in domain order. */
export async function listAssessments(familyId: string, db: Queryable, onlyId?: string) {
  const heads = await db
    .select({ assessment: assessments, createdByName: creators.name })
    .from(assessments)
    .innerJoin(creators, eq(creators.id, assessments.createdBy))
    .where(and(eq(assessments.familyId, familyId), onlyId ? eq(assessments.id, onlyId) : undefined))
    .orderBy(desc(assessments.assessedOn), desc(assessments.createdAt), desc(assessments.id));
  if (heads.length === 0) return [];
  const ratings = await db
    .select({ rating: assessmentRatings, ratedByName: accounts.name })
    .from(assessmentRatings)
    .innerJoin(accounts, eq(accounts.id, assessmentRatings.ratedBy))
    .where(
      and(
        eq(assessmentRatings.familyId, familyId),
        inArray(
          assessmentRatings.assessmentId,
          heads.map((head) => head.assessment.id),
        ),
      ),
    );
  const order = (domain: AssessmentDomain) => assessmentDomains.indexOf(domain);
  return heads.map((head) => ({
    ...head,
    ratings: ratings
      .filter((row) => row.rating.assessmentId === head.assessment.id)
      .sort((a, b) => order(a.rating.domain) - order(b.rating.domain)),
  }));
}

export type AssessmentWithRatings = Awaited<ReturnType<typeof listAssessments>>[number];

export async function findAssessment(familyId: string, assessmentId: string, db: Queryable) {
  const [row] = await listAssessments(familyId, db, assessmentId);
  return row ?? null;
}

/** The assessment made last, the one that may still be corrected; null when there is none. */
export async function findLatestAssessmentId(familyId: string, db: Queryable): Promise<string | null> {
  const [row] = await db
    .select({ id: assessments.id })
    .from(assessments)
    .where(eq(assessments.familyId, familyId))
    .orderBy(desc(assessments.assessedOn), desc(assessments.createdAt), desc(assessments.id))
    .limit(1);
  return row?.id ?? null;
}

export async function insertAssessment(
  familyId: string,
  values: { assessedOn: string; ratings: NewRating[]; createdBy: string },
  db: Queryable,
) {
  const [row] = await db
    .insert(assessments)
    .values({ familyId, assessedOn: values.assessedOn, createdBy: values.createdBy })
    .returning();
  if (values.ratings.length > 0)
    await db
      .insert(assessmentRatings)
      .values(values.ratings.map((rating) => ({ assessmentId: row!.id, familyId, ...rating, ratedBy: values.createdBy })));
  return row!;
}

/**
 * Sets one domain's rating (adding it when the domain was not rated) if the assessment is still
 * at `basedOnVersion`; null when someone else changed it first.
 */
export async function rateDomainAt(
  familyId: string,
  assessmentId: string,
  change: { domain: AssessmentDomain; rating: number; notes?: string; basedOnVersion: number; ratedBy: string },
  db: Queryable,
) {
  const [bumped] = await db
    .update(assessments)
    .set({ version: sql`${assessments.version} + 1` })
    .where(
      and(eq(assessments.familyId, familyId), eq(assessments.id, assessmentId), eq(assessments.version, change.basedOnVersion)),
    )
    .returning();
  if (!bumped) return null;
  const ratedAt = new Date();
  await db
    .insert(assessmentRatings)
    .values({
      assessmentId,
      familyId,
      domain: change.domain,
      rating: change.rating,
      notes: change.notes ?? '',
      ratedBy: change.ratedBy,
      ratedAt,
    })
    .onConflictDoUpdate({
      target: [assessmentRatings.assessmentId, assessmentRatings.domain],
      set: {
        rating: change.rating,
        ...(change.notes !== undefined ? { notes: change.notes } : {}),
        ratedBy: change.ratedBy,
        ratedAt,
      },
    });
  return bumped;
}
