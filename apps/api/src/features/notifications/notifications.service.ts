import {
  UNREAD_COUNT_CAP,
  type NotificationKind,
  type NotificationList,
  type NotificationListQuery,
  type NotificationParams,
  type NotificationPreferences,
  type UnreadCount,
  type UpdateNotificationPreferences,
} from '@yhdessa/shared';
import { invalidField, notFound } from '../../core/app-error';
import type { Actor } from '../../core/actor';
import type { Queryable } from '../../db/database';
import type { RouteContext } from '../../http/route';
import { presentNotification } from './notification.presenter';
import { kindsOfRole, preferencesOf } from './notification-preferences';
import { visibilityFor } from './notification-visibility';
import {
  listNotificationsOf,
  markAllNotificationsRead,
  markNotificationRead,
  upsertPreferences,
  type NotificationRow,
} from './notifications.repository';

/** Every route here is the reader's own: no route takes another account's id. */
type ReaderContext = RouteContext<{ kind: 'signed-in'; roles: readonly ('coordinator' | 'worker' | 'family')[] }>;

/** A reader with many notifications they can no longer see is given a shorter page rather than a long wait. */
const MAX_BATCHES_PER_PAGE = 10;

/** The kinds the reader sees in the app: their role's, less those they turned off. */
async function kindsShownTo(actor: Actor, db: Queryable): Promise<NotificationKind[]> {
  const preference = await preferencesOf([actor.accountId], db);
  return kindsOfRole(actor.role).filter((kind) => preference(actor.accountId, kind).inApp);
}

/**
 * A page of the reader's notifications, newest first, each re-checked against what the reader may
 * see now: one whose item they can no longer see is left out, title and all. Naming items is a
 * read of case data: one audit row per family named.
 */
export async function listNotifications(query: NotificationListQuery, context: ReaderContext): Promise<NotificationList> {
  const { actor, tx } = context;
  const kinds = await kindsShownTo(actor, tx);
  const visible = visibilityFor(actor, tx);
  const shown: { row: NotificationRow; basis: string }[] = [];
  let before = query.before;
  let more = true;
  for (let batch = 0; more && shown.length < query.limit && batch < MAX_BATCHES_PER_PAGE; batch += 1) {
    const rows = await listNotificationsOf(actor.accountId, { kinds, before, limit: query.limit }, tx);
    more = rows.length === query.limit;
    for (const row of rows) {
      before = row.id;
      const seen = await visible(row);
      if (seen) shown.push({ row, basis: seen.basis });
      if (shown.length === query.limit) {
        more = more || row !== rows.at(-1);
        break;
      }
    }
  }
  const named = new Map(shown.map(({ row, basis }) => [row.familyId, basis]));
  for (const [familyId, basis] of named)
    await context.audit({
      familyId,
      action: 'read',
      resource: 'notification',
      resourceId: familyId,
      outcome: 'allowed',
      basis,
    });
  return { notifications: shown.map(({ row }) => presentNotification(row)), nextBefore: more ? (before ?? null) : null };
}

/** How many unread notifications the reader may see now, up to the cap. Names nothing, so it is not audited. */
export async function countUnreadNotifications(context: ReaderContext): Promise<UnreadCount> {
  const { actor, tx } = context;
  const rows = await listNotificationsOf(
    actor.accountId,
    { kinds: await kindsShownTo(actor, tx), unreadOnly: true, limit: UNREAD_COUNT_CAP },
    tx,
  );
  const visible = visibilityFor(actor, tx);
  let unread = 0;
  for (const row of rows) if (await visible(row)) unread += 1;
  return { unread };
}

/** The reader's other tabs and devices update their bell too. */
function tellReaderOfRead(context: ReaderContext): void {
  context.afterCommit(() => context.realtime.publishNotifications([context.actor.accountId], { change: 'read' }));
}

export async function readNotification({ notificationId }: NotificationParams, context: ReaderContext): Promise<void> {
  if (!(await markNotificationRead(context.actor.accountId, notificationId, context.tx))) throw notFound('notification');
  tellReaderOfRead(context);
}

export async function readAllNotifications(context: ReaderContext): Promise<void> {
  if ((await markAllNotificationsRead(context.actor.accountId, context.tx)) > 0) tellReaderOfRead(context);
}

export async function readNotificationPreferences(context: ReaderContext): Promise<NotificationPreferences> {
  const { actor, tx } = context;
  const preference = await preferencesOf([actor.accountId], tx);
  return { preferences: kindsOfRole(actor.role).map((kind) => preference(actor.accountId, kind)) };
}

/** Stores the reader's choices for the kinds given; a kind their role never receives is refused. */
export async function updateNotificationPreferences(
  { preferences }: UpdateNotificationPreferences,
  context: ReaderContext,
): Promise<NotificationPreferences> {
  const kinds = kindsOfRole(context.actor.role);
  const foreign = preferences.findIndex((preference) => !kinds.includes(preference.kind));
  if (foreign !== -1) throw invalidField(`body.preferences.${foreign}.kind`, 'Not a kind of notification your role receives');
  await upsertPreferences(context.actor.accountId, preferences, context.tx);
  return readNotificationPreferences(context);
}
