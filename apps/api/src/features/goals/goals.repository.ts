import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { AttainmentLevel, AttainmentScale, Ending } from '@yhdessa/shared';
import { accounts } from '../../db/tables/accounts';
import type { Queryable } from '../../db/database';
import { goalProgress, goals } from '../../db/tables/goals';

export async function findGoal(familyId: string, goalId: string, db: Queryable) {
  const [row] = await db
    .select()
    .from(goals)
    .where(and(eq(goals.familyId, familyId), eq(goals.id, goalId)));
  return row ?? null;
}

export type GoalRow = NonNullable<Awaited<ReturnType<typeof findGoal>>>;

export interface GoalWords {
  title: string;
  ownerName: string;
  indicator: string;
  baseline: string;
  target: string;
  targetOn: string | null;
  attainmentScale: AttainmentScale | null;
}

export async function insertGoal(familyId: string, values: GoalWords, db: Queryable) {
  const [row] = await db
    .insert(goals)
    .values({ familyId, ...values })
    .returning();
  return row!;
}

/** How a goal ended; all null when it is open again. */
interface GoalEnding {
  status: 'open' | Ending;
  endedOn: string | null;
  attainedLevel: AttainmentLevel | null;
}

/** Changes the goal only if it is still at `basedOnVersion`; null when someone else got there first. */
export async function updateGoalAt(
  familyId: string,
  goalId: string,
  change: (Partial<GoalWords> | GoalEnding) & { basedOnVersion: number },
  db: Queryable,
) {
  const { basedOnVersion, ...fields } = change;
  const [row] = await db
    .update(goals)
    .set({ ...fields, version: sql`${goals.version} + 1`, updatedAt: new Date() })
    .where(and(eq(goals.familyId, familyId), eq(goals.id, goalId), eq(goals.version, basedOnVersion)))
    .returning();
  return row ?? null;
}

export async function insertGoalProgress(
  familyId: string,
  goalId: string,
  values: { recordedOn: string; value: string; note: string; recordedBy: string },
  db: Queryable,
) {
  const [row] = await db
    .insert(goalProgress)
    .values({ familyId, goalId, ...values })
    .returning();
  return row!;
}

/** Progress entries of the given goals, oldest first, with who recorded them. */
export async function listGoalProgress(familyId: string, goalIds: readonly string[], db: Queryable) {
  if (goalIds.length === 0) return [];
  return db
    .select({
      id: goalProgress.id,
      goalId: goalProgress.goalId,
      recordedOn: goalProgress.recordedOn,
      value: goalProgress.value,
      note: goalProgress.note,
      recordedById: goalProgress.recordedBy,
      recordedByName: accounts.name,
    })
    .from(goalProgress)
    .innerJoin(accounts, eq(accounts.id, goalProgress.recordedBy))
    .where(and(eq(goalProgress.familyId, familyId), inArray(goalProgress.goalId, [...goalIds])))
    .orderBy(asc(goalProgress.recordedOn), asc(goalProgress.createdAt), asc(goalProgress.id));
}

export type GoalProgressRow = Awaited<ReturnType<typeof listGoalProgress>>[number];
