import { assessmentDomains, type AssessmentDomain, type DomainScore, type RecordMeasurement } from '@yhdessa/shared';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { municipalityToday } from '../../core/clock';
import { queryRows, type Queryable } from '../../db/database';
import { familyMembers } from '../../db/tables/families';
import { measurementScores, measurements } from '../../db/tables/measurements';
import { reviews } from '../../db/tables/reviews';

/** Whether it was made today in the municipality: only then may its author still correct it. */
const madeToday = sql<boolean>`(${measurements.createdAt} at time zone 'Europe/Helsinki')::date = ${municipalityToday}`;

/** The family's measurements, oldest first, each with who filled it in and its scores in domain order. */
export async function listMeasurements(familyId: string, db: Queryable, onlyId?: string) {
  const heads = await db
    .select({
      measurement: measurements,
      takenBy: { id: familyMembers.id, name: familyMembers.name, relation: familyMembers.relation },
      madeToday,
    })
    .from(measurements)
    .innerJoin(familyMembers, eq(familyMembers.id, measurements.memberId))
    .where(and(eq(measurements.familyId, familyId), onlyId ? eq(measurements.id, onlyId) : undefined))
    .orderBy(asc(measurements.takenOn), asc(measurements.createdAt), asc(measurements.id));
  if (heads.length === 0) return [];
  const scores = await db
    .select()
    .from(measurementScores)
    .where(
      and(
        eq(measurementScores.familyId, familyId),
        inArray(
          measurementScores.measurementId,
          heads.map((head) => head.measurement.id),
        ),
      ),
    );
  const order = (domain: AssessmentDomain) => assessmentDomains.indexOf(domain);
  return heads.map((head) => ({
    ...head,
    scores: scores
      .filter((score) => score.measurementId === head.measurement.id)
      .sort((a, b) => order(a.domain) - order(b.domain))
      .map(({ domain, score }) => ({ domain, score })),
  }));
}
export type MeasurementWithScores = Awaited<ReturnType<typeof listMeasurements>>[number];

export async function findMeasurement(familyId: string, measurementId: string, db: Queryable) {
  const [row] = await listMeasurements(familyId, db, measurementId);
  return row ?? null;
}

export async function isAfterToday(day: string, db: Queryable): Promise<boolean> {
  const [row] = await queryRows<{ future: boolean }>(db, sql`select ${day}::date > ${municipalityToday} as future`);
  return row!.future;
}

/** When the family's latest plan review was completed; null when none has been. */
export async function findLastReviewCompletion(familyId: string, db: Queryable): Promise<Date | null> {
  const [row] = await db
    .select({ completedAt: reviews.completedAt })
    .from(reviews)
    .where(and(eq(reviews.familyId, familyId), eq(reviews.status, 'completed')))
    .orderBy(sql`${reviews.completedAt} desc nulls last`, desc(reviews.id))
    .limit(1);
  return row?.completedAt ?? null;
}

export async function insertMeasurement(
  familyId: string,
  values: RecordMeasurement & { memberId: string; recordedBy: string },
  db: Queryable,
) {
  const { scores, ...head } = values;
  const [row] = await db
    .insert(measurements)
    .values({ familyId, ...head })
    .returning();
  await insertScores(familyId, row!.id, scores, db);
  return row!;
}

/** The author's correction replaces the whole answer if it is still at `basedOnVersion`; null when it is not. */
export async function correctMeasurementAt(
  familyId: string,
  measurementId: string,
  change: {
    respondentVersion: RecordMeasurement['respondentVersion'];
    scores: DomainScore[];
    comment: string;
    basedOnVersion: number;
  },
  db: Queryable,
) {
  const [row] = await db
    .update(measurements)
    .set({
      respondentVersion: change.respondentVersion,
      comment: change.comment,
      version: sql`${measurements.version} + 1`,
      correctedAt: new Date(),
    })
    .where(
      and(
        eq(measurements.familyId, familyId),
        eq(measurements.id, measurementId),
        eq(measurements.version, change.basedOnVersion),
      ),
    )
    .returning();
  if (!row) return null;
  await db
    .delete(measurementScores)
    .where(and(eq(measurementScores.familyId, familyId), eq(measurementScores.measurementId, measurementId)));
  await insertScores(familyId, measurementId, change.scores, db);
  return row;
}

async function insertScores(familyId: string, measurementId: string, scores: DomainScore[], db: Queryable) {
  await db.insert(measurementScores).values(scores.map((score) => ({ measurementId, familyId, ...score })));
}
