import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './accounts';
import { actions } from './actions';
import { createdAt, id } from '../columns';
import { families } from './families';
import { goals } from './goals';

/**
 * Comments on one goal or one action of the plan. A column per target, not a kind and a loose id,
 * so the database holds each comment to a goal or an action that exists.
 */
export const comments = pgTable(
  'comments',
  {
    id: id(),
    familyId: uuid('family_id')
      .notNull()
      .references(() => families.id),
    goalId: uuid('goal_id').references(() => goals.id),
    actionId: uuid('action_id').references(() => actions.id),
    body: text('body').notNull(),
    authorId: uuid('author_id')
      .notNull()
      .references(() => accounts.id),
    createdAt: createdAt(),
  },
  (table) => [
    check('comments_one_target', sql`(${table.goalId} is null) <> (${table.actionId} is null)`),
    index('comments_goal_idx').on(table.familyId, table.goalId),
    index('comments_action_idx').on(table.familyId, table.actionId),
  ],
);
