import { roles } from '@yhdessa/shared';
import { boolean, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id } from '../columns';
import { organisations } from './organisations';
import { services } from './services';

export const roleEnum = pgEnum('role', roles);

export const accounts = pgTable(
  'accounts',
  {
    id: id(),
    /** Stored lower-cased; sign-in lower-cases too. */
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: roleEnum('role').notNull(),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    /** argon2id; null until an invitation has been accepted. */
    passwordHash: text('password_hash'),
    failedLoginCount: integer('failed_login_count').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    /** Wrong second-factor codes, counted across sign-ins: a right password does not reset it. */
    secondFactorFailureCount: integer('second_factor_failure_count').notNull().default(0),
    secondFactorLockedUntil: timestamp('second_factor_locked_until', { withTimezone: true }),
    /** A login of the demo world, whose password is published: refused whenever DEMO is off. */
    isDemo: boolean('is_demo').notNull().default(false),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    /** TOTP shared secret (base32); the second factor is on once `totpEnabledAt` is set. */
    totpSecret: text('totp_secret'),
    totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true }),
    /** Last accepted TOTP time step, so one code cannot be used twice. */
    totpLastStep: integer('totp_last_step'),
    createdAt: createdAt(),
  },
  (table) => [uniqueIndex('accounts_email_unique').on(table.email)],
);

/** A worker belongs to one or more services. */
export const serviceMemberships = pgTable(
  'service_memberships',
  {
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => services.id),
  },
  (table) => [primaryKey({ columns: [table.accountId, table.serviceId] })],
);
