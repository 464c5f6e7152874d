import { goalStatuses } from '@yhdessa/shared';
import { date, index, pgEnum, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './accounts';
import { createdAt, id, updatedAt, version } from '../columns';
import { families } from './families';

export const goalStatusEnum = pgEnum('goal_status', goalStatuses);

export const goals = pgTable(
  'goals',
  {
    id: id(),
    familyId: uuid('family_id')
      .notNull()
      .references(() => families.id),
    title: text('title').notNull(),
    /** Whose goal it is, in the family's words (a member's name, "the whole family"). */
    ownerName: text('owner_name').notNull().default(''),
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

/** Dated progress entries on a goal. */
export const goalProgress = pgTable(
  'goal_progress',
  {
    id: id(),
    familyId: uuid('family_id')
      .notNull()
      .references(() => families.id),
    goalId: uuid('goal_id')
      .notNull()
      .references(() => goals.id),
    recordedOn: date('recorded_on').notNull(),
    value: text('value').notNull().default(''),
    note: text('note').notNull().default(''),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => accounts.id),
    createdAt: createdAt(),
  },
  (table) => [index('goal_progress_goal_idx').on(table.goalId, table.recordedOn)],
);
