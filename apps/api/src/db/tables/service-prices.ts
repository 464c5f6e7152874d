import { date, integer, pgTable, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id } from '../columns';
import { accounts } from './accounts';
import { services } from './services';

/**
 * What a unit of a service costs from a date on. A price change starts a new period; usage is
 * priced by the period its date falls in, so past totals never change when a price does.
 */
export const servicePrices = pgTable(
  'service_prices',
  {
    id: id(),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => services.id),
    validFrom: date('valid_from').notNull(),
    unitCostCents: integer('unit_cost_cents').notNull(),
    /** Null for the periods the migration carried over from the catalogue. */
    setBy: uuid('set_by').references(() => accounts.id),
    createdAt: createdAt(),
  },
  (table) => [uniqueIndex('service_prices_service_valid_from_idx').on(table.serviceId, table.validFrom)],
);
