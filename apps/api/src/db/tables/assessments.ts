import { assessmentDomains } from '@yhdessa/shared';
import { date, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './accounts';
import { createdAt, id, version } from '../columns';
import { families } from './families';

export const assessmentDomainEnum = pgEnum('assessment_domain', assessmentDomains);

/** One joint needs assessment of the family instead of one per service; earlier ones are kept. */
export const assessments = pgTable(
  'assessments',
  {
    id: id(),
    familyId: uuid('family_id')
      .notNull()
      .references(() => families.id),
    assessedOn: date('assessed_on').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => accounts.id),
    version: version(),
    createdAt: createdAt(),
  },
  (table) => [index('assessments_family_idx').on(table.familyId, table.assessedOn)],
);

/** A domain's rating (1 = serious concern … 5 = going well) and notes, by whom and when. */
export const assessmentRatings = pgTable(
  'assessment_ratings',
  {
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessments.id),
    familyId: uuid('family_id')
      .notNull()
      .references(() => families.id),
    domain: assessmentDomainEnum('domain').notNull(),
    rating: integer('rating').notNull(),
    notes: text('notes').notNull().default(''),
    ratedBy: uuid('rated_by')
      .notNull()
      .references(() => accounts.id),
    ratedAt: timestamp('rated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.assessmentId, table.domain] })],
);
