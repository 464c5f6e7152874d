import { date, index, pgEnum, pgTable, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, version } from '../db/columns';
import { families } from '../families/families.schema';

export const reviewStatusEnum = pgEnum('review_status', ['scheduled', 'completed']);

/** Plan review meetings (arviointipalaveri). */
export const reviews = pgTable(
  'reviews',
  {
    id: id(),
    familyId: uuid('family_id')
      .notNull()
      .references(() => families.id),
    scheduledOn: date('scheduled_on').notNull(),
    status: reviewStatusEnum('status').notNull().default('scheduled'),
    version: version(),
    createdAt: createdAt(),
  },
  (table) => [index('reviews_family_idx').on(table.familyId)],
);
