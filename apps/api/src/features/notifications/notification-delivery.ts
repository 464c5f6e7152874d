import type { Queryable } from '../../db/database';
import { preferencesOf } from './notification-preferences';
import type { NotificationDraft } from './notification-recipients';
import { visibilityFor } from './notification-visibility';
import { insertNotifications, type NewNotification } from './notifications.repository';

/**
 * Writes the drafts' notifications in the caller's transaction, for each recipient who is not the
 * actor, has not turned the kind off, and may see the item at this moment. Returns the readers to
 * tell at once (those who see the kind in the app), each once.
 */
export async function deliverNotifications(
  drafts: readonly NotificationDraft[],
  origin: { familyId: string; actorId: string | null },
  db: Queryable,
): Promise<string[]> {
  const recipientsOf = (each: NotificationDraft) => [
    ...new Map(
      each.recipients.filter((reader) => reader.accountId !== origin.actorId).map((reader) => [reader.accountId, reader]),
    ).values(),
  ];
  const preference = await preferencesOf(
    drafts.flatMap((each) => recipientsOf(each).map((reader) => reader.accountId)),
    db,
  );
  const rows: NewNotification[] = [];
  const toTell = new Set<string>();
  for (const each of drafts) {
    for (const reader of recipientsOf(each)) {
      const chosen = preference(reader.accountId, each.kind);
      if (!chosen.inApp && !chosen.emailDigest) continue;
      if (!(await visibilityFor(reader, db)({ ...each, familyId: origin.familyId }))) continue;
      rows.push({
        accountId: reader.accountId,
        familyId: origin.familyId,
        kind: each.kind,
        itemId: each.itemId,
        serviceRoleId: each.serviceRoleId,
        details: each.details,
        actorId: origin.actorId,
        occasion: each.occasion ?? null,
      });
      if (chosen.inApp) toTell.add(reader.accountId);
    }
  }
  const written = new Set(await insertNotifications(rows, db));
  return [...toTell].filter((accountId) => written.has(accountId));
}
