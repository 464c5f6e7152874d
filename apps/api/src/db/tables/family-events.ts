import { familyEventTypes } from '@yhdessa/shared';
import { bigserial, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './accounts';
import { families } from './families';

/**
 * Every change to a family's plan, written in the change's own transaction. Sockets are told
 * after commit; a reconnecting client can catch up from the last seq it saw.
 */
export const familyEvents = pgTable(
  'family_events',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    familyId: uuid('family_id')
      .notNull()
      .references(() => families.id),
    type: text('type', { enum: familyEventTypes }).notNull(),
    entityId: uuid('entity_id').notNull(),
    version: integer('version').notNull(),
    actorId: uuid('actor_id').references(() => accounts.id),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('family_events_family_seq_idx').on(table.familyId, table.seq)],
);
