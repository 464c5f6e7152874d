import { desc, eq } from 'drizzle-orm';
import type { Queryable } from '../db/database';
import { mailOutbox } from './mail-outbox.schema';

export async function insertOutboxMail(db: Queryable, mail: { to: string; subject: string; body: string }): Promise<string> {
  const [row] = await db.insert(mailOutbox).values(mail).returning({ id: mailOutbox.id });
  return row!.id;
}

export async function markMailSent(db: Queryable, id: string): Promise<void> {
  await db.update(mailOutbox).set({ sentAt: new Date() }).where(eq(mailOutbox.id, id));
}

export async function listRecentMails(db: Queryable, limit: number) {
  return db.select().from(mailOutbox).orderBy(desc(mailOutbox.createdAt)).limit(limit);
}
