import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import { appendAuditEvent } from '../../audit/audit.repository';
import { startPeriodicJob } from '../../core/periodic-job';
import { queryRows, type Database, type Queryable } from '../../db/database';
import { mailOutbox } from '../../db/tables/mail-outbox';
import { findServiceInvitationRecipients } from './service-roles.repository';

const DAY_MS = 24 * 60 * 60 * 1000;
export const REMINDER_AFTER_WORKING_DAYS = 2;
export const REMINDER_INTERVAL_MS = 15 * 60 * 1000;

/**
 * The moment `days` working days (Mon-Fri, UTC calendar) after `from`, at the same time of day:
 * a Friday invitation is due on Tuesday, a Saturday one too.
 */
export function addWorkingDays(from: Date, days: number): Date {
  let moment = from.getTime();
  for (let counted = 0; counted < days;) {
    moment += DAY_MS;
    const weekday = new Date(moment).getUTCDay();
    if (weekday !== 0 && weekday !== 6) counted += 1;
  }
  return new Date(moment);
}

/** When an unanswered invitation earns its reminder. */
export function reminderDueAt(invitedAt: Date): Date {
  return addWorkingDays(invitedAt, REMINDER_AFTER_WORKING_DAYS);
}

interface PendingInvitationRow {
  id: string;
  family_id: string;
  service_id: string;
  invited_at: Date | string;
}

/**
 * Cross-family, on purpose (a system job): unanswered invitations whose reminder is due and not
 * sent. The rows stay locked until the caller's transaction ends, and rows another instance
 * holds are skipped, so several API instances never send the same reminder twice.
 */
export async function findInvitationsNeedingReminder(now: Date, tx: Queryable) {
  // Two working days are at least two calendar days: the SQL narrows, the pure rule decides.
  const rows = await queryRows<PendingInvitationRow>(
    tx,
    sql`select sr.id, sr.family_id, sr.service_id, sr.invited_at
      from service_roles sr join families f on f.id = sr.family_id
      where sr.status = 'invited' and sr.reminder_sent_at is null and sr.invited_at is not null
        and sr.invited_at <= ${new Date(now.getTime() - REMINDER_AFTER_WORKING_DAYS * DAY_MS).toISOString()}::timestamptz
        and f.status <> 'closed'
      order by sr.invited_at
      for update of sr skip locked`,
  );
  return rows
    .map((row) => ({ id: row.id, familyId: row.family_id, serviceId: row.service_id, invitedAt: new Date(row.invited_at) }))
    .filter((row) => reminderDueAt(row.invitedAt) <= now);
}

/** Sends each due reminder to the invited service's workers (into the mail outbox) and marks it sent. */
export async function sendInvitationReminders(database: Database, now = new Date()): Promise<number> {
  return database.db.transaction(async (tx) => {
    const due = await findInvitationsNeedingReminder(now, tx);
    for (const invitation of due) {
      const recipients = await findServiceInvitationRecipients(invitation.serviceId, tx);
      // The mail names no family: mail is not a place for case data. The link leads to the invitation.
      for (const email of recipients)
        await tx.insert(mailOutbox).values({
          to: email,
          subject: 'Kutsu perheen yhteiseen suunnitelmaan odottaa vastausta',
          body:
            `Palvelunne kutsuttiin ${invitation.invitedAt.toISOString().slice(0, 10)} mukaan perheen yhteiseen suunnitelmaan, ` +
            'eikä kutsuun ole vielä vastattu. Vastaa kutsuun Yhdessä-palvelussa: /invitations',
        });
      await tx.execute(
        sql`update service_roles set reminder_sent_at = ${now.toISOString()}::timestamptz where id = ${invitation.id}`,
      );
      await appendAuditEvent(tx, {
        actor: null,
        familyId: invitation.familyId,
        action: 'update',
        resource: 'service-role',
        resourceId: invitation.id,
        outcome: 'allowed',
        basis: 'invitation reminder job',
        detail: { reminderSentAt: now.toISOString(), recipients: recipients.length },
      });
    }
    return due.length;
  });
}

/** Runs the reminder job on an interval; returns the function that stops it. */
export function startInvitationReminders(database: Database, logger: Logger, intervalMs = REMINDER_INTERVAL_MS): () => void {
  return startPeriodicJob('invitation reminders', intervalMs, logger, async () => {
    const sent = await sendInvitationReminders(database);
    if (sent > 0) logger.info({ sent }, 'invitation reminders sent');
  });
}
