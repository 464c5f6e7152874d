import { notificationKinds, type NotificationDetails } from '@yhdessa/shared';
import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { accounts } from './accounts';
import { createdAt, id } from '../columns';
import { families } from './families';
import { serviceRoles } from './service-roles';

/**
 * What one reader is told of a change in a family, written in the change's own transaction. It
 * keeps what is needed to word it; who may still see the item is decided again on every read.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: id(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    familyId: uuid('family_id')
      .notNull()
      .references(() => families.id),
    kind: text('kind', { enum: notificationKinds }).notNull(),
    /** The item it is about (an action, a goal, a service role, a review, ...), to link to. */
    itemId: uuid('item_id').notNull(),
    /** The service role the item belongs to: once the family keeps that role from the reader, the notification is hidden. */
    serviceRoleId: uuid('service_role_id').references(() => serviceRoles.id),
    details: jsonb('details').$type<NotificationDetails>().notNull(),
    /** Who made the change; null for what the clock brings. */
    actorId: uuid('actor_id').references(() => accounts.id),
    /** Set for what the clock brings (an overdue action: its due date), so each occasion is told once. */
    occasion: text('occasion'),
    createdAt: createdAt(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (table) => [
    index('notifications_account_idx').on(table.accountId, table.createdAt, table.id),
    uniqueIndex('notifications_occasion_unique')
      .on(table.accountId, table.kind, table.itemId, table.occasion)
      .where(sql`${table.occasion} is not null`),
  ],
);

/** A reader's choice per kind; without a row a kind is shown in the app and left out of the e-mail digest. */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    kind: text('kind', { enum: notificationKinds }).notNull(),
    inApp: boolean('in_app').notNull(),
    emailDigest: boolean('email_digest').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.accountId, table.kind] })],
);

/** One e-mail digest per reader per day (in Helsinki): the row is claimed in the transaction that queues the mail. */
export const notificationDigests = pgTable(
  'notification_digests',
  {
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    sentOn: date('sent_on').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
    /** How many notifications it counted. */
    counted: integer('counted').notNull(),
  },
  (table) => [primaryKey({ columns: [table.accountId, table.sentOn] })],
);
