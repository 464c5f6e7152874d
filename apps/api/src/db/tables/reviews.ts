import { date, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './accounts';
import { createdAt, id, updatedAt, version } from '../columns';
import { families } from './families';

export const reviewStatusEnum = pgEnum('review_status', ['scheduled', 'completed']);

/** Plan review meetings (arviointipalaveri). Completing one freezes a numbered plan version. */
export const reviews = pgTable(
  'reviews',
  {
    id: id(),
    familyId: uuid('family_id')
      .notNull()
      .references(() => families.id),
    scheduledOn: date('scheduled_on').notNull(),
    status: reviewStatusEnum('status').notNull().default('scheduled'),
    /** Names of who takes part, as the coordinator wrote them. */
    participants: jsonb('participants').$type<string[]>().notNull().default([]),
    minutes: text('minutes').notNull().default(''),
    decisions: text('decisions').notNull().default(''),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    completedBy: uuid('completed_by').references(() => accounts.id),
    /** The plan version this review froze. */
    planVersion: integer('plan_version'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [index('reviews_family_idx').on(table.familyId)],
);

/** Agenda of a review; the family can propose items too. */
export const agendaItems = pgTable(
  'agenda_items',
  {
    id: id(),
    familyId: uuid('family_id')
      .notNull()
      .references(() => families.id),
    reviewId: uuid('review_id')
      .notNull()
      .references(() => reviews.id),
    title: text('title').notNull(),
    proposedBy: uuid('proposed_by')
      .notNull()
      .references(() => accounts.id),
    createdAt: createdAt(),
  },
  (table) => [index('agenda_items_review_idx').on(table.reviewId)],
);
