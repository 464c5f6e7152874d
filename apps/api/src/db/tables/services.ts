import type { LocalizedText } from '@yhdessa/shared';
import { integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id } from '../columns';
import { organisations } from './organisations';

/** The service catalogue: what a service is, who provides it and what a unit costs. */
export const services = pgTable('services', {
  id: id(),
  organisationId: uuid('organisation_id')
    .notNull()
    .references(() => organisations.id),
  name: jsonb('name').$type<LocalizedText>().notNull(),
  category: text('category').notNull(),
  unit: text('unit').notNull(),
  unitCostCents: integer('unit_cost_cents').notNull(),
  description: text('description').notNull().default(''),
  contact: text('contact').notNull().default(''),
  createdAt: createdAt(),
});
