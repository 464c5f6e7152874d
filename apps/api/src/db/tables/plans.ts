import { pgTable, uuid } from 'drizzle-orm/pg-core';
import { updatedAt, version } from '../columns';
import { families } from './families';

/** The one shared plan of a family; its version numbers the frozen plan versions. */
export const plans = pgTable('plans', {
  familyId: uuid('family_id')
    .primaryKey()
    .references(() => families.id),
  version: version(),
  updatedAt: updatedAt(),
});
