import { familyEventTypes } from '@yhdessa/shared';
import { bigserial, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './accounts';
import { families } from './families';
import { noteVisibilityEnum } from './notes';

/**
 * Every change to a family's plan, written in the change's own transaction. Sockets are told
 * after commit; a reconnecting client catches up from the last `family_seq` it applied.
 */
export const familyEvents = pgTable(
  'family_events',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    familyId: uuid('family_id')
      .notNull()
      .references(() => families.id),
    /** The family's own sequence: 1, 2, 3, ... in commit order (see `familyEventSequences`). */
    familySeq: integer('family_seq').notNull(),
    type: text('type', { enum: familyEventTypes }).notNull(),
    entityId: uuid('entity_id').notNull(),
    version: integer('version').notNull(),
    actorId: uuid('actor_id').references(() => accounts.id),
    /** Who may hear of the event, kept so a catch-up decides it as the live event did: the item's service role and a note's visibility. */
    serviceRoleId: uuid('service_role_id'),
    noteVisibility: noteVisibilityEnum('note_visibility'),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('family_events_family_seq_idx').on(table.familyId, table.seq),
    // A coordinator's recent changes: each of their families' events since a moment, not all of them.
    index('family_events_family_occurred_idx').on(table.familyId, table.occurredAt),
    uniqueIndex('family_events_family_family_seq_idx').on(table.familyId, table.familySeq),
  ],
);

/**
 * The last `family_seq` handed out per family. Taking the next one locks the family's row until
 * the change commits, so a family's events commit in sequence order and a catch-up never skips
 * one that commits later.
 */
export const familyEventSequences = pgTable('family_event_sequences', {
  familyId: uuid('family_id')
    .primaryKey()
    .references(() => families.id),
  lastSeq: integer('last_seq').notNull(),
});
