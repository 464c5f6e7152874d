import { referenceCostKinds } from '@yhdessa/shared';
import { date, integer, pgEnum, pgTable, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id } from '../columns';
import { accounts } from './accounts';

export const referenceCostKindEnum = pgEnum('reference_cost_kind', referenceCostKinds);

/**
 * The yearly cost of a heavy service the coordinated support aims to avoid, as a reference
 * figure (never a prediction about a family). Managers change it; each change starts a period.
 */
export const referenceCosts = pgTable(
  'reference_costs',
  {
    id: id(),
    kind: referenceCostKindEnum('kind').notNull(),
    validFrom: date('valid_from').notNull(),
    yearlyCostCents: integer('yearly_cost_cents').notNull(),
    setBy: uuid('set_by').references(() => accounts.id),
    createdAt: createdAt(),
  },
  (table) => [uniqueIndex('reference_costs_kind_valid_from_idx').on(table.kind, table.validFrom)],
);
