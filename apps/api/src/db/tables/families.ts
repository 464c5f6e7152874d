import { familyStatuses, memberRelations } from '@yhdessa/shared';
import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './accounts';
import { createdAt, id, updatedAt, version } from '../columns';

export const familyStatusEnum = pgEnum('family_status', familyStatuses);
export const memberRelationEnum = pgEnum('member_relation', memberRelations);

export const families = pgTable(
  'families',
  {
    id: id(),
    name: text('name').notNull(),
    status: familyStatusEnum('status').notNull().default('new'),
    coordinatorId: uuid('coordinator_id')
      .notNull()
      .references(() => accounts.id),
    /** A handover waits for the new coordinator to accept it; until then the old one owns the case. */
    handoverToId: uuid('handover_to_id').references(() => accounts.id),
    handoverRequestedAt: timestamp('handover_requested_at', { withTimezone: true }),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index('families_coordinator_idx').on(table.coordinatorId),
    // Cases offered to a coordinator (the workspace): few at any time, so only those are indexed.
    index('families_handover_to_idx')
      .on(table.handoverToId)
      .where(sql`${table.handoverToId} is not null`),
  ],
);

export const familyMembers = pgTable(
  'family_members',
  {
    id: id(),
    familyId: uuid('family_id')
      .notNull()
      .references(() => families.id),
    name: text('name').notNull(),
    relation: memberRelationEnum('relation').notNull(),
    birthYear: integer('birth_year'),
    /** Set when the member has their own login. */
    accountId: uuid('account_id').references(() => accounts.id),
    /** The member's own choice to be told when their coordinator is looking at the plan; off until they turn it on. */
    seesCoordinatorPresence: boolean('sees_coordinator_presence').notNull().default(false),
    version: version(),
    createdAt: createdAt(),
  },
  (table) => [index('family_members_family_idx').on(table.familyId), index('family_members_account_idx').on(table.accountId)],
);
