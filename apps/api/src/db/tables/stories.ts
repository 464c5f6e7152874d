import { index, integer, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './accounts';
import { createdAt, id, updatedAt, version } from '../columns';
import { families } from './families';

/** The family's story, told once: background, situation and strengths. */
export const stories = pgTable('stories', {
  familyId: uuid('family_id')
    .primaryKey()
    .references(() => families.id),
  background: text('background').notNull().default(''),
  situation: text('situation').notNull().default(''),
  strengths: text('strengths').notNull().default(''),
  updatedBy: uuid('updated_by').references(() => accounts.id),
  version: version(),
  updatedAt: updatedAt(),
});

/** Every saved version of the story, for the edit history. */
export const storyRevisions = pgTable(
  'story_revisions',
  {
    id: id(),
    familyId: uuid('family_id')
      .notNull()
      .references(() => families.id),
    version: integer('version').notNull(),
    background: text('background').notNull(),
    situation: text('situation').notNull(),
    strengths: text('strengths').notNull(),
    editedBy: uuid('edited_by')
      .notNull()
      .references(() => accounts.id),
    createdAt: createdAt(),
  },
  (table) => [index('story_revisions_family_idx').on(table.familyId, table.version)],
);

export const storyCommentKindEnum = pgEnum('story_comment_kind', ['comment', 'correction-request']);

/** The family's comments on its story and requests to correct it. */
export const storyComments = pgTable(
  'story_comments',
  {
    id: id(),
    familyId: uuid('family_id')
      .notNull()
      .references(() => families.id),
    kind: storyCommentKindEnum('kind').notNull(),
    body: text('body').notNull(),
    authorId: uuid('author_id')
      .notNull()
      .references(() => accounts.id),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (table) => [index('story_comments_family_idx').on(table.familyId)],
);
