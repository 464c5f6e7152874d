import { familyStatuses, memberRelations } from '@yhdessa/shared';
import { index, integer, pgEnum, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/accounts.schema';
import { createdAt, id, updatedAt, version } from '../db/columns';

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
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [index('families_coordinator_idx').on(table.coordinatorId)],
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
    createdAt: createdAt(),
  },
  (table) => [index('family_members_family_idx').on(table.familyId), index('family_members_account_idx').on(table.accountId)],
);
