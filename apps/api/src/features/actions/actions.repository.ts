import { and, eq, sql } from 'drizzle-orm';
import type { ActionStatus } from '@yhdessa/shared';
import type { Queryable } from '../../db/database';
import { actions } from '../../db/tables/actions';

export async function findAction(familyId: string, actionId: string, db: Queryable) {
  const [row] = await db
    .select()
    .from(actions)
    .where(and(eq(actions.familyId, familyId), eq(actions.id, actionId)));
  return row ?? null;
}

export async function insertAction(
  familyId: string,
  values: {
    serviceRoleId: string | null;
    goalId: string | null;
    title: string;
    ownerName: string;
    dueOn: string | null;
    updatedBy: string;
  },
  db: Queryable,
) {
  const [row] = await db
    .insert(actions)
    .values({ familyId, ...values })
    .returning();
  return row!;
}

export interface ActionChange {
  title?: string;
  ownerName?: string;
  dueOn?: string | null;
  goalId?: string | null;
  status?: ActionStatus;
}

/** Changes the action only if the row is still at `basedOnVersion`; null when someone else got there first. */
export async function updateActionAt(
  familyId: string,
  actionId: string,
  change: ActionChange & { basedOnVersion: number; updatedBy: string },
  db: Queryable,
) {
  const { basedOnVersion, updatedBy, ...fields } = change;
  const [row] = await db
    .update(actions)
    .set({ ...fields, version: sql`${actions.version} + 1`, updatedAt: new Date(), updatedBy })
    .where(and(eq(actions.familyId, familyId), eq(actions.id, actionId), eq(actions.version, basedOnVersion)))
    .returning();
  return row ?? null;
}
