import { goalStatuses, type AttainmentScale } from '@yhdessa/shared';
import { sql } from 'drizzle-orm';
import { check, date, index, jsonb, pgEnum, pgTable, smallint, text, uuid } from 'drizzle-orm/pg-core';
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
    /** The day the goal ended: set exactly when it is not open. */
    endedOn: date('ended_on'),
    /** Goal attainment scaling: what each level from -2 to +2 looks like; null when the goal has none. */
    attainmentScale: jsonb('attainment_scale').$type<AttainmentScale>(),
    /** The level (-2..+2) a goal with a scale attained when it ended, not dropped: what outcome reports count. */
    attainedLevel: smallint('attained_level'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index('goals_family_idx').on(table.familyId),
    check('goals_ended_on_when_ended', sql`(${table.status} = 'open') = (${table.endedOn} is null)`),
    check(
      'goals_attained_level_of_scaled_ending',
      sql`${table.attainedLevel} is null or (${table.attainedLevel} between -2 and 2 and ${table.attainmentScale} is not null and ${table.status} in ('reached', 'partly_reached', 'not_reached'))`,
    ),
  ],
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
