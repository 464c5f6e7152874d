import { usagePeriods, usageSources } from '@yhdessa/shared';
import { date, index, numeric, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt, version } from '../columns';
import { accounts } from './accounts';
import { families } from './families';
import { serviceRoles } from './service-roles';
import { services } from './services';

export const usagePeriodEnum = pgEnum('usage_period', usagePeriods);
export const usageSourceEnum = pgEnum('usage_source', usageSources);

/**
 * Units of a service a family used: on a day, or in a month (`used_on` is then the month's first
 * day). Recorded by the service within its own role; a correction is a new version, audited.
 */
export const serviceUsage = pgTable(
  'service_usage',
  {
    id: id(),
    familyId: uuid('family_id')
      .notNull()
      .references(() => families.id),
    serviceRoleId: uuid('service_role_id')
      .notNull()
      .references(() => serviceRoles.id),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => services.id),
    usedOn: date('used_on').notNull(),
    period: usagePeriodEnum('period').notNull(),
    units: numeric('units', { precision: 10, scale: 2, mode: 'number' }).notNull(),
    note: text('note').notNull().default(''),
    source: usageSourceEnum('source').notNull().default('form'),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => accounts.id),
    updatedBy: uuid('updated_by').references(() => accounts.id),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index('service_usage_family_idx').on(table.familyId, table.usedOn),
    index('service_usage_service_idx').on(table.serviceId, table.usedOn),
    // Everything the manager's cost figures read of a row, in the order they count families in (index-only).
    index('service_usage_family_service_idx').on(table.familyId, table.serviceId, table.usedOn, table.period, table.units),
    // A day or a month is recorded once per role; a second record would count it twice.
    uniqueIndex('service_usage_role_period_idx').on(table.serviceRoleId, table.period, table.usedOn),
  ],
);
