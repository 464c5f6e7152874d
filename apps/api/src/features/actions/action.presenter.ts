import type { Action } from '@yhdessa/shared';
import type { actions } from '../../db/tables/actions';

/** Today's date in UTC, `YYYY-MM-DD`. */
export function todayIso(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export function presentAction(row: typeof actions.$inferSelect, today = todayIso()): Action {
  return {
    id: row.id,
    serviceRoleId: row.serviceRoleId,
    goalId: row.goalId,
    title: row.title,
    ownerName: row.ownerName,
    dueOn: row.dueOn,
    status: row.status,
    overdue: row.dueOn !== null && row.dueOn < today && row.status !== 'done',
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}
