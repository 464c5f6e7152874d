import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import { appendAuditEvent } from '../../audit/audit.repository';
import { startPeriodicJob } from '../../core/periodic-job';
import { addWorkingDays } from '../../core/working-days';
import { queryRows, type Database, type Queryable } from '../../db/database';
import type { MailSettings } from '../../mail/mailer';
import { invitationReminderMail } from './service-invitation-mail';
import { findServiceInvitationRecipients } from './service-roles.repository';

const DAY_MS = 24 * 60 * 60 * 1000;
export const REMINDER_AFTER_WORKING_DAYS = 2;
export const REMINDER_INTERVAL_MS = 15 * 60 * 1000;

/** When an unanswered invitation earns its reminder: two working days on, Finnish public holidays respected. */
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

/**
 * Reminds each invited service whose answer is due: its workers, or its contact address when it
 * has none. Each invitation is reminded once, even when no address was found: the coordinator's
 * workspace then says that the reminder reached no one. Returns the invitations reminded.
 */
export async function sendInvitationReminders(database: Database, settings: MailSettings, now = new Date()) {
  const afterCommit: (() => Promise<void>)[] = [];
  const reminded = await database.db.transaction(async (tx) => {
    const due = await findInvitationsNeedingReminder(now, tx);
    const mailContext = { tx, afterCommit: (work: () => Promise<void>) => void afterCommit.push(work) };
    const results = [];
    for (const invitation of due) {
      const recipients = await findServiceInvitationRecipients(invitation.serviceId, tx);
      for (const email of recipients)
        await settings.mailer.queue(mailContext, invitationReminderMail(email, settings.config.PUBLIC_URL, invitation.invitedAt));
      await tx.execute(
        sql`update service_roles set reminder_sent_at = ${now.toISOString()}::timestamptz,
          reminder_recipients = ${recipients.length} where id = ${invitation.id}`,
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
      results.push({ id: invitation.id, recipients: recipients.length });
    }
    return results;
  });
  // With SMTP the mails go out once the reminders are recorded; a failed one stays unsent in the outbox.
  const failures = (await Promise.allSettled(afterCommit.map((send) => send()))).filter((result) => result.status === 'rejected');
  return { reminded, failedMails: failures.length };
}

/**
 * Runs the reminder job at start (reminders that fell due while the server was down go at once)
 * and then on an interval; returns the function that stops it.
 */
export function startInvitationReminders(
  database: Database,
  settings: MailSettings,
  logger: Logger,
  intervalMs = REMINDER_INTERVAL_MS,
): () => void {
  const remind = async () => {
    const { reminded, failedMails } = await sendInvitationReminders(database, settings);
    const unreached = reminded.filter((invitation) => invitation.recipients === 0).map((invitation) => invitation.id);
    if (reminded.length > 0) logger.info({ reminded: reminded.length }, 'invitation reminders sent');
    if (unreached.length > 0)
      logger.warn(
        { serviceRoleIds: unreached },
        'invitation reminders reached no one: the services have no workers or e-mail address',
      );
    if (failedMails > 0) logger.error({ failedMails }, 'invitation reminder mails failed; they stay unsent in the outbox');
  };
  void remind().catch((error: unknown) => logger.error({ err: error }, 'invitation reminders failed'));
  return startPeriodicJob('invitation reminders', intervalMs, logger, remind);
}
