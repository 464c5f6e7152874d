import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { createdAt, id } from '../columns';

/** Mail waiting for SMTP, or sent with its body removed; without SMTP, the development outbox. */
export const mailOutbox = pgTable('mail_outbox', {
  id: id(),
  to: text('to').notNull(),
  subject: text('subject').notNull(),
  body: text('body').notNull(),
  sentAt: timestamp('sent_at', { withTimezone: true }),
  createdAt: createdAt(),
});
