import type { PlanSnapshot } from '@yhdessa/shared';
import { index, integer, jsonb, pgTable, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id } from '../columns';
import { families } from './families';
import { reviews } from './reviews';

/** A plan frozen by a completed review: the whole plan as it stood, to compare any two versions. */
export const planVersions = pgTable(
  'plan_versions',
  {
    id: id(),
    familyId: uuid('family_id')
      .notNull()
      .references(() => families.id),
    version: integer('version').notNull(),
    reviewId: uuid('review_id').references(() => reviews.id),
    snapshot: jsonb('snapshot').$type<PlanSnapshot>().notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex('plan_versions_family_version_unique').on(table.familyId, table.version),
    index('plan_versions_family_idx').on(table.familyId),
  ],
);
