import { desc, eq } from 'drizzle-orm';
import type { Queryable } from '../db/database';
import { mailOutbox } from '../db/tables/mail-outbox';

export async function insertOutboxMail(db: Queryable, mail: { to: string; subject: string; body: string }): Promise<string> {
  const [row] = await db.insert(mailOutbox).values(mail).returning({ id: mailOutbox.id });
  return row!.id;
}

/** Kept in place of a sent mail's body: the mail server has it, and links in it are keys to accounts. */
export const SENT_BODY_MARKER = '[sent; body removed from the outbox]';

/** Marks the mail sent and drops its body, so an invitation or reset link lives only in the recipient's mailbox. */
export async function markMailSent(db: Queryable, id: string): Promise<void> {
  await db.update(mailOutbox).set({ sentAt: new Date(), body: SENT_BODY_MARKER }).where(eq(mailOutbox.id, id));
}

export async function listRecentMails(db: Queryable, limit: number) {
  return db.select().from(mailOutbox).orderBy(desc(mailOutbox.createdAt)).limit(limit);
}
