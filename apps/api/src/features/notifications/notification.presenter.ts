import type { Notification } from '@yhdessa/shared';
import type { NotificationRow } from './notifications.repository';

/** A notification its reader may see now: the item's words, the family's name and who made the change. */
export function presentNotification(row: NotificationRow): Notification {
  return {
    id: row.id,
    kind: row.kind,
    details: row.details,
    family: { id: row.familyId, name: row.familyName },
    itemId: row.itemId,
    actor: row.actorId && row.actorName ? { id: row.actorId, name: row.actorName } : null,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  } as Notification;
}
