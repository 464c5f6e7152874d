import { z } from 'zod';
import { idSchema, isoDateTimeSchema } from './ids';

/** A mail as the development outbox keeps it (demo mode only). */
export const outboxMailSchema = z.object({
  id: idSchema,
  to: z.string(),
  subject: z.string(),
  body: z.string(),
  createdAt: isoDateTimeSchema,
  /** Null until sent over SMTP; without SMTP the outbox is the only delivery. */
  sentAt: isoDateTimeSchema.nullable(),
});
export type OutboxMail = z.infer<typeof outboxMailSchema>;
