import type { NotificationDetails, NotificationKind } from '@yhdessa/shared';
import { and, desc, eq, gt, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { queryRows, type Queryable } from '../../db/database';
import { accounts } from '../../db/tables/accounts';
import { families } from '../../db/tables/families';
import { notificationDigests, notificationPreferences, notifications } from '../../db/tables/notifications';

export interface NewNotification {
  accountId: string;
  familyId: string;
  kind: NotificationKind;
  itemId: string;
  serviceRoleId: string | null;
  details: NotificationDetails;
  actorId: string | null;
  occasion: string | null;
}

/** Writes the notifications; one already told for its occasion is skipped. Returns the readers written for. */
export async function insertNotifications(rows: NewNotification[], db: Queryable): Promise<string[]> {
  if (rows.length === 0) return [];
  const written = await db
    .insert(notifications)
    .values(rows)
    .onConflictDoNothing()
    .returning({ accountId: notifications.accountId });
  return written.map((row) => row.accountId);
}

const actor = alias(accounts, 'actor');

const listedColumns = {
  id: notifications.id,
  familyId: notifications.familyId,
  familyName: families.name,
  kind: notifications.kind,
  itemId: notifications.itemId,
  serviceRoleId: notifications.serviceRoleId,
  details: notifications.details,
  actorId: notifications.actorId,
  actorName: actor.name,
  createdAt: notifications.createdAt,
  readAt: notifications.readAt,
};

export type NotificationRow = Awaited<ReturnType<typeof listNotificationsOf>>[number];

/**
 * The reader's own notifications of the given kinds, newest first; `before` is the last one of
 * the previous page. Only the reader's: every query here is scoped to one account.
 */
export async function listNotificationsOf(
  accountId: string,
  filter: { kinds: readonly NotificationKind[]; before?: string; unreadOnly?: boolean; since?: Date; limit: number },
  db: Queryable,
) {
  if (filter.kinds.length === 0) return [];
  const conditions: SQL[] = [eq(notifications.accountId, accountId), inArray(notifications.kind, [...filter.kinds])];
  if (filter.before)
    conditions.push(
      sql`(${notifications.createdAt}, ${notifications.id}) < (select n.created_at, n.id from notifications n where n.id = ${filter.before} and n.account_id = ${accountId})`,
    );
  if (filter.unreadOnly) conditions.push(isNull(notifications.readAt));
  if (filter.since) conditions.push(gt(notifications.createdAt, filter.since));
  return db
    .select(listedColumns)
    .from(notifications)
    .innerJoin(families, eq(families.id, notifications.familyId))
    .leftJoin(actor, eq(actor.id, notifications.actorId))
    .where(and(...conditions))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(filter.limit);
}

/** Marks one of the reader's notifications read; false when it is not theirs (or does not exist). */
export async function markNotificationRead(accountId: string, notificationId: string, db: Queryable): Promise<boolean> {
  const [row] = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(and(eq(notifications.accountId, accountId), eq(notifications.id, notificationId)))
    .returning({ id: notifications.id });
  return row !== undefined;
}

/** Marks every unread notification of the reader read; returns how many. */
export async function markAllNotificationsRead(accountId: string, db: Queryable): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(and(eq(notifications.accountId, accountId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}

export interface StoredPreference {
  kind: NotificationKind;
  inApp: boolean;
  emailDigest: boolean;
}

/** The readers' stored choices for the kinds; a kind without a row has the defaults. */
export async function listPreferencesOf(accountIds: readonly string[], db: Queryable) {
  if (accountIds.length === 0) return [];
  return db
    .select({
      accountId: notificationPreferences.accountId,
      kind: notificationPreferences.kind,
      inApp: notificationPreferences.inApp,
      emailDigest: notificationPreferences.emailDigest,
    })
    .from(notificationPreferences)
    .where(inArray(notificationPreferences.accountId, [...accountIds]));
}

export async function upsertPreferences(accountId: string, preferences: readonly StoredPreference[], db: Queryable) {
  await db
    .insert(notificationPreferences)
    .values(preferences.map((preference) => ({ accountId, ...preference })))
    .onConflictDoUpdate({
      target: [notificationPreferences.accountId, notificationPreferences.kind],
      set: {
        inApp: sql`excluded.in_app`,
        emailDigest: sql`excluded.email_digest`,
        updatedAt: sql`now()`,
      },
    });
}

export interface DigestReader {
  accountId: string;
  role: 'coordinator' | 'worker' | 'family';
  email: string;
  lastSentAt: Date | null;
}

/**
 * Cross-account, on purpose (a system job): the readers who want some kind by e-mail and have had
 * no digest on `day`, with when their last digest went.
 */
export async function listDigestReadersOfAllAccounts(day: string, db: Queryable): Promise<DigestReader[]> {
  const rows = await queryRows<{
    account_id: string;
    role: DigestReader['role'];
    email: string;
    last_sent_at: Date | string | null;
  }>(
    db,
    sql`select a.id as account_id, a.role, a.email,
        (select max(d.sent_at) from notification_digests d where d.account_id = a.id) as last_sent_at
      from accounts a
      where a.disabled_at is null and a.role in ('coordinator', 'worker', 'family')
        and exists (select 1 from notification_preferences p where p.account_id = a.id and p.email_digest)
        and not exists (select 1 from notification_digests d where d.account_id = a.id and d.sent_on = ${day}::date)
      order by a.id`,
  );
  return rows.map((row) => ({
    accountId: row.account_id,
    role: row.role,
    email: row.email,
    lastSentAt: row.last_sent_at === null ? null : new Date(row.last_sent_at),
  }));
}

/** Claims the reader's digest of the day; false when it was claimed already (by another run or instance). */
export async function claimDigest(accountId: string, day: string, counted: number, db: Queryable): Promise<boolean> {
  const rows = await db
    .insert(notificationDigests)
    .values({ accountId, sentOn: day, counted })
    .onConflictDoNothing()
    .returning({ accountId: notificationDigests.accountId });
  return rows.length > 0;
}
