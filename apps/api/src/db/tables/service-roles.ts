import { serviceRoleStatuses } from '@yhdessa/shared';
import {
  boolean,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { accounts } from './accounts';
import { createdAt, id, updatedAt, version } from '../columns';
import { families } from './families';
import { services } from './services';

export const serviceRoleStatusEnum = pgEnum('service_role_status', serviceRoleStatuses);

/** One involved service's part in a family's plan. */
export const serviceRoles = pgTable(
  'service_roles',
  {
    id: id(),
    familyId: uuid('family_id')
      .notNull()
      .references(() => families.id),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => services.id),
    status: serviceRoleStatusEnum('status').notNull().default('invited'),
    description: text('description').notNull().default(''),
    responsibleAccountId: uuid('responsible_account_id').references(() => accounts.id),
    startsOn: date('starts_on'),
    endsOn: date('ends_on'),
    invitedBy: uuid('invited_by').references(() => accounts.id),
    invitedAt: timestamp('invited_at', { withTimezone: true }),
    /** The coordinator's message to the invited service; its workers read it where they answer. */
    invitationMessage: text('invitation_message'),
    /** The declined invitation this one was sent in place of (at most one per declined invitation). */
    replacesServiceRoleId: uuid('replaces_service_role_id').references((): AnyPgColumn => serviceRoles.id),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    /** The worker who accepted or declined the invitation. */
    respondedBy: uuid('responded_by').references(() => accounts.id),
    declineReason: text('decline_reason'),
    /** Set when the unanswered-invitation reminder went out (after two working days). */
    reminderSentAt: timestamp('reminder_sent_at', { withTimezone: true }),
    /** How many addresses the reminder went to: 0 when the service had no workers and no e-mail address. */
    reminderRecipients: integer('reminder_recipients'),
    /** The family keeps the role between itself, the coordinator and the service: other services do not learn it is involved. */
    hiddenFromOtherServices: boolean('hidden_from_other_services').notNull().default(false),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index('service_roles_family_idx').on(table.familyId),
    index('service_roles_service_idx').on(table.serviceId),
    // A declined invitation is followed up by one invitation in its place.
    uniqueIndex('service_roles_replaces_idx').on(table.replacesServiceRoleId),
  ],
);
