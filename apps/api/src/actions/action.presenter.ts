import type { Action } from '@yhdessa/shared';
import type { actions } from './actions.schema';

export function presentAction(row: typeof actions.$inferSelect): Action {
  return {
    id: row.id,
    serviceRoleId: row.serviceRoleId,
    goalId: row.goalId,
    title: row.title,
    ownerName: row.ownerName,
    dueOn: row.dueOn,
    status: row.status,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}
