import { bigint, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id } from '../columns';
import { accounts } from './accounts';
import { organisations } from './organisations';

/** One imported file of yearly service client counts and costs (the first is Raahe 2011-2013). */
export const historicalCostImports = pgTable('historical_cost_imports', {
  id: id(),
  organisationId: uuid('organisation_id').references(() => organisations.id),
  source: text('source').notNull(),
  importedBy: uuid('imported_by')
    .notNull()
    .references(() => accounts.id),
  importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
  rowCount: integer('row_count').notNull(),
  createdAt: createdAt(),
});

/** A service's clients and total cost in one year, as the file gave them. */
export const historicalServiceCosts = pgTable(
  'historical_service_costs',
  {
    id: id(),
    importId: uuid('import_id')
      .notNull()
      .references(() => historicalCostImports.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    serviceFi: text('service_fi').notNull(),
    serviceEn: text('service_en').notNull(),
    clients: integer('clients').notNull(),
    totalCostCents: bigint('total_cost_cents', { mode: 'number' }).notNull(),
    /** The file's own per-client figure, kept as reported (it is not total / clients). */
    reportedCostPerClientCents: bigint('reported_cost_per_client_cents', { mode: 'number' }),
  },
  (table) => [index('historical_service_costs_import_idx').on(table.importId, table.year)],
);
