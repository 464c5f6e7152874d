import { and, eq, getTableColumns, sql } from 'drizzle-orm';
import type { ActionStatus } from '@yhdessa/shared';
import { municipalityToday } from '../../core/clock';
import type { Queryable } from '../../db/database';
import { actions } from '../../db/tables/actions';

/** Overdue: not done, and due before today in the municipality. Decided here, in SQL, for every read of an action. */
export const actionIsOverdue = sql<boolean>`(${actions.status} <> 'done' and ${actions.dueOn} is not null and ${actions.dueOn} < ${municipalityToday})`;

/** An action as every read returns it: its columns and whether it is overdue. */
export const actionColumns = { ...getTableColumns(actions), overdue: actionIsOverdue };
export type ActionRow = typeof actions.$inferSelect & { overdue: boolean };

export async function findAction(familyId: string, actionId: string, db: Queryable): Promise<ActionRow | null> {
  const [row] = await db
    .select(actionColumns)
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
    .returning(actionColumns);
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
    .returning(actionColumns);
  return row ?? null;
}
