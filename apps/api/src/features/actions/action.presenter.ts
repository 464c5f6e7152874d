import type { Action } from '@yhdessa/shared';
import type { ActionRow } from './actions.repository';

export function presentAction(row: ActionRow): Action {
  return {
    id: row.id,
    serviceRoleId: row.serviceRoleId,
    goalId: row.goalId,
    title: row.title,
    ownerName: row.ownerName,
    dueOn: row.dueOn,
    status: row.status,
    overdue: row.overdue,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}
