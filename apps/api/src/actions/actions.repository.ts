import { and, eq, sql } from 'drizzle-orm';
import type { ActionStatus } from '@yhdessa/shared';
import type { Queryable } from '../db/database';
import { actions } from './actions.schema';

export async function findAction(familyId: string, actionId: string, db: Queryable) {
  const [row] = await db
    .select()
    .from(actions)
    .where(and(eq(actions.familyId, familyId), eq(actions.id, actionId)));
  return row ?? null;
}

/** Changes the status only if the row is still at `basedOnVersion`; null when someone else got there first. */
export async function updateActionStatusAt(
  familyId: string,
  actionId: string,
  change: { status: ActionStatus; basedOnVersion: number; updatedBy: string },
  db: Queryable,
) {
  const [row] = await db
    .update(actions)
    .set({ status: change.status, version: sql`${actions.version} + 1`, updatedAt: new Date(), updatedBy: change.updatedBy })
    .where(and(eq(actions.familyId, familyId), eq(actions.id, actionId), eq(actions.version, change.basedOnVersion)))
    .returning();
  return row ?? null;
}
