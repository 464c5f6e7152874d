import type { FrozenPlan } from '@yhdessa/shared';
import { index, integer, jsonb, pgTable, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id } from '../columns';
import { families } from './families';
import { reviews } from './reviews';

/**
 * A plan frozen by a completed review: the whole plan as it stood, with the story and the latest
 * assessment, to compare any two versions. Versions frozen before the story and the assessment
 * were kept lack them; the repository reads those as null.
 */
export const planVersions = pgTable(
  'plan_versions',
  {
    id: id(),
    familyId: uuid('family_id')
      .notNull()
      .references(() => families.id),
    version: integer('version').notNull(),
    reviewId: uuid('review_id').references(() => reviews.id),
    snapshot: jsonb('snapshot').$type<FrozenPlan>().notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex('plan_versions_family_version_unique').on(table.familyId, table.version),
    index('plan_versions_family_idx').on(table.familyId),
  ],
);
