import type { LocalizedText } from '@yhdessa/shared';
import { jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id } from '../columns';
import { organisations } from './organisations';

/** The service catalogue: what a service is and who provides it; what a unit costs is in `service_prices`. */
export const services = pgTable('services', {
  id: id(),
  organisationId: uuid('organisation_id')
    .notNull()
    .references(() => organisations.id),
  name: jsonb('name').$type<LocalizedText>().notNull(),
  category: text('category').notNull(),
  unit: text('unit').notNull(),
  description: text('description').notNull().default(''),
  contact: text('contact').notNull().default(''),
  /** A retired service stays for history (plans, usage, costs) but takes no new roles or workers. */
  retiredAt: timestamp('retired_at', { withTimezone: true }),
  createdAt: createdAt(),
});
