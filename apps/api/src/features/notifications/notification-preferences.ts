import { notificationKindsOfRole, type NotificationKind, type NotificationPreference, type Role } from '@yhdessa/shared';
import type { Queryable } from '../../db/database';
import { listPreferencesOf } from './notifications.repository';

/** Without a choice of their own, a reader sees every kind in the app and gets no e-mail. */
const defaults = { inApp: true, emailDigest: false } as const;

/** The kinds a role can receive; none for managers and administrators, who are in no family. */
export function kindsOfRole(role: Role): readonly NotificationKind[] {
  return role === 'coordinator' || role === 'worker' || role === 'family' ? notificationKindsOfRole[role] : [];
}

/** Each reader's choice for each kind, defaults filled in. */
export async function preferencesOf(
  accountIds: readonly string[],
  db: Queryable,
): Promise<(accountId: string, kind: NotificationKind) => NotificationPreference> {
  const stored = await listPreferencesOf(accountIds, db);
  const byKey = new Map(stored.map((row) => [`${row.accountId}:${row.kind}`, row]));
  return (accountId, kind) => {
    const row = byKey.get(`${accountId}:${kind}`);
    return { kind, inApp: row?.inApp ?? defaults.inApp, emailDigest: row?.emailDigest ?? defaults.emailDigest };
  };
}
