import type { NotificationKind } from '@yhdessa/shared';
import type { Logger } from 'pino';
import { municipalityDate } from '../../core/clock';
import { startPeriodicJob } from '../../core/periodic-job';
import type { Database } from '../../db/database';
import type { MailSettings } from '../../mail/mailer';
import { notificationDigestMail } from './notification-digest-mail';
import { kindsOfRole, preferencesOf } from './notification-preferences';
import { visibilityFor } from './notification-visibility';
import { claimDigest, listDigestReadersOfAllAccounts, listNotificationsOf, type DigestReader } from './notifications.repository';

const DAY_MS = 24 * 60 * 60 * 1000;
const CHECK_INTERVAL_MS = 15 * 60 * 1000;
/** The digest goes in the morning, from this hour on in Helsinki. */
export const DIGEST_HOUR = 7;
/** Counted up to this many; a reader with more has the product to read them in. */
const DIGEST_COUNT_CAP = 500;

const helsinkiHour = (at: Date) =>
  Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Helsinki', hour: '2-digit', hourCycle: 'h23' }).format(at));

/**
 * Once a day per reader, from `DIGEST_HOUR` on: how many unread notifications of the kinds they
 * want by e-mail came since their last digest (in the last day for the first), counting only those
 * whose item they may still see. A reader with none gets no mail. Returns how many mails were queued.
 */
export async function sendNotificationDigests(database: Database, settings: MailSettings, now = new Date()): Promise<number> {
  if (helsinkiHour(now) < DIGEST_HOUR) return 0;
  const day = municipalityDate(now);
  let queued = 0;
  for (const reader of await listDigestReadersOfAllAccounts(day, database.db))
    if (await sendDigest(database, settings, reader, day, now)) queued += 1;
  return queued;
}

async function sendDigest(database: Database, settings: MailSettings, reader: DigestReader, day: string, now: Date) {
  const afterCommit: Array<() => Promise<void>> = [];
  const queued = await database.db.transaction(async (tx) => {
    const preference = await preferencesOf([reader.accountId], tx);
    const kinds = kindsOfRole(reader.role).filter((kind) => preference(reader.accountId, kind).emailDigest);
    const since = reader.lastSentAt ?? new Date(now.getTime() - DAY_MS);
    const rows = await listNotificationsOf(reader.accountId, { kinds, unreadOnly: true, since, limit: DIGEST_COUNT_CAP }, tx);
    const visible = visibilityFor(reader, tx);
    const counts = new Map<NotificationKind, number>();
    for (const row of rows) if (await visible(row)) counts.set(row.kind, (counts.get(row.kind) ?? 0) + 1);
    const total = [...counts.values()].reduce((sum, count) => sum + count, 0);
    if (total === 0 || !(await claimDigest(reader.accountId, day, total, tx))) return false;
    const ordered = new Map(kinds.flatMap((kind) => (counts.has(kind) ? [[kind, counts.get(kind)!] as const] : [])));
    await settings.mailer.queue(
      { tx, afterCommit: (work) => afterCommit.push(work) },
      notificationDigestMail(reader.email, ordered, settings.config.PUBLIC_URL),
      // The mailer logs a failed sending; the mail waits in the outbox, and the other readers' digests go on.
      { waitForSending: false },
    );
    return true;
  });
  for (const work of afterCommit) await work();
  return queued;
}

/** Checks every quarter of an hour; returns the function that stops it. */
export function startNotificationDigests(database: Database, settings: MailSettings, logger: Logger): () => void {
  return startPeriodicJob('notification digests', CHECK_INTERVAL_MS, logger, async () => {
    const queued = await sendNotificationDigests(database, settings);
    if (queued > 0) logger.info({ queued }, 'notification digests queued');
  });
}
