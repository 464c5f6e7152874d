import { goalStatuses } from '@yhdessa/shared';
import { date, index, pgEnum, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt, version } from '../db/columns';
import { families } from '../families/families.schema';

export const goalStatusEnum = pgEnum('goal_status', goalStatuses);

export const goals = pgTable(
  'goals',
  {
    id: id(),
    familyId: uuid('family_id')
      .notNull()
      .references(() => families.id),
    title: text('title').notNull(),
    indicator: text('indicator').notNull().default(''),
    baseline: text('baseline').notNull().default(''),
    target: text('target').notNull().default(''),
    targetOn: date('target_on'),
    status: goalStatusEnum('status').notNull().default('open'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [index('goals_family_idx').on(table.familyId)],
);
