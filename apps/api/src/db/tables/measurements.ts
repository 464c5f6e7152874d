import { measurementOccasions, respondentVersions } from '@yhdessa/shared';
import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './accounts';
import { assessmentDomainEnum } from './assessments';
import { createdAt, id, version } from '../columns';
import { familyMembers, families } from './families';

export const measurementOccasionEnum = pgEnum('measurement_occasion', measurementOccasions);
export const respondentVersionEnum = pgEnum('respondent_version', respondentVersions);

/**
 * The family's own wellbeing meter, filled in by one member. Its author may correct it on the day
 * it was made (a new version, audited); after that it is kept as it is.
 */
export const measurements = pgTable(
  'measurements',
  {
    id: id(),
    familyId: uuid('family_id')
      .notNull()
      .references(() => families.id),
    takenOn: date('taken_on').notNull(),
    occasion: measurementOccasionEnum('occasion').notNull(),
    respondentVersion: respondentVersionEnum('respondent_version').notNull(),
    /** The member who filled it in, and the login they did it with. */
    memberId: uuid('member_id')
      .notNull()
      .references(() => familyMembers.id),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => accounts.id),
    comment: text('comment').notNull().default(''),
    version: version(),
    createdAt: createdAt(),
    correctedAt: timestamp('corrected_at', { withTimezone: true }),
  },
  (table) => [index('measurements_family_idx').on(table.familyId, table.takenOn)],
);

/** One domain's score in a measurement: 1 = very hard … 5 = going well. A skipped domain has no row. */
export const measurementScores = pgTable(
  'measurement_scores',
  {
    measurementId: uuid('measurement_id')
      .notNull()
      .references(() => measurements.id),
    familyId: uuid('family_id')
      .notNull()
      .references(() => families.id),
    domain: assessmentDomainEnum('domain').notNull(),
    score: integer('score').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.measurementId, table.domain] }),
    check('measurement_scores_score_range', sql`${table.score} between 1 and 5`),
  ],
);
