import { invitationKinds } from '@yhdessa/shared';
import { index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './accounts';
import { createdAt, id } from '../columns';
import { familyMembers, families } from './families';
import { services } from './services';

export const invitationKindEnum = pgEnum('invitation_kind', invitationKinds);

/** A single-use, expiring link that lets an invited person set their password. Stored as a hash. */
export const invitations = pgTable(
  'invitations',
  {
    id: id(),
    tokenHash: text('token_hash').notNull(),
    kind: invitationKindEnum('kind').notNull(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    familyId: uuid('family_id').references(() => families.id),
    serviceId: uuid('service_id').references(() => services.id),
    memberId: uuid('member_id').references(() => familyMembers.id),
    invitedBy: uuid('invited_by')
      .notNull()
      .references(() => accounts.id),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (table) => [uniqueIndex('invitations_token_unique').on(table.tokenHash), index('invitations_account_idx').on(table.accountId)],
);
