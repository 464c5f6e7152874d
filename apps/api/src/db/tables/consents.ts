import { planParts } from '@yhdessa/shared';
import { sql } from 'drizzle-orm';
import { boolean, index, pgEnum, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './accounts';
import { id } from '../columns';
import { families } from './families';
import { services } from './services';

export const planPartEnum = pgEnum('plan_part', planParts);

/**
 * Consent decisions, never updated: the latest row per (family, service, part) is in force and
 * the rows before it are the history the family can read. No row means not shared.
 */
export const consentDecisions = pgTable(
  'consent_decisions',
  {
    id: id(),
    familyId: uuid('family_id')
      .notNull()
      .references(() => families.id),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => services.id),
    part: planPartEnum('part').notNull(),
    granted: boolean('granted').notNull(),
    decidedBy: uuid('decided_by')
      .notNull()
      .references(() => accounts.id),
    decidedAt: timestamp('decided_at', { withTimezone: true })
      .notNull()
      .default(sql`clock_timestamp()`),
  },
  (table) => [index('consent_decisions_family_idx').on(table.familyId, table.serviceId, table.part, table.decidedAt)],
);
