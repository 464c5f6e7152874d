import { and, asc, eq, sql } from 'drizzle-orm';
import { frozenPlanSchema, type FrozenPlan } from '@yhdessa/shared';
import { z } from 'zod';
import type { Queryable } from '../../db/database';
import { plans } from '../../db/tables/plans';
import { planVersions } from '../../db/tables/plan-versions';

/**
 * A plan frozen before goals had endings (migration `goal_endings`) called a reached goal
 * `achieved` and had no ending day or attainment levels: it reads as the goals it held then.
 */
const frozenGoalSchema = z.looseObject({ status: z.string() }).transform((goal) => ({
  endedOn: null,
  attainmentScale: null,
  attainedLevel: null,
  ...goal,
  status: goal.status === 'achieved' ? 'reached' : goal.status,
}));
/** A plan frozen before versions kept the story and the assessment holds neither. */
const olderFrozenPlanSchema = z
  .looseObject({ goals: z.array(frozenGoalSchema) })
  .transform((plan) => ({ story: null, assessment: null, ...plan }));

export async function listPlanVersions(familyId: string, db: Queryable) {
  return db
    .select({ version: planVersions.version, reviewId: planVersions.reviewId, createdAt: planVersions.createdAt })
    .from(planVersions)
    .where(eq(planVersions.familyId, familyId))
    .orderBy(asc(planVersions.version));
}

export async function findPlanVersion(familyId: string, version: number, db: Queryable) {
  const [row] = await db
    .select()
    .from(planVersions)
    .where(and(eq(planVersions.familyId, familyId), eq(planVersions.version, version)));
  // The stored JSON is read back through the plan's own contract, like anything else from outside the code.
  return row ? { ...row, snapshot: frozenPlanSchema.parse(olderFrozenPlanSchema.parse(row.snapshot)) } : null;
}

/** The working plan's version, with its row locked until the transaction ends, so two freezes cannot interleave. */
export async function lockPlanVersion(familyId: string, db: Queryable): Promise<number | null> {
  const [row] = await db.select({ version: plans.version }).from(plans).where(eq(plans.familyId, familyId)).for('update');
  return row?.version ?? null;
}

/** Stores the plan as frozen at `snapshot.version` and moves the working plan on to the next number. */
export async function insertPlanVersion(familyId: string, reviewId: string, snapshot: FrozenPlan, db: Queryable) {
  await db.insert(planVersions).values({
    familyId,
    version: snapshot.version,
    reviewId,
    snapshot,
  });
  await db
    .update(plans)
    .set({ version: sql`${plans.version} + 1`, updatedAt: new Date() })
    .where(eq(plans.familyId, familyId));
}
