import type { NewStoryComment } from '@yhdessa/shared';
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { accounts } from '../../db/tables/accounts';
import type { Queryable } from '../../db/database';
import { stories, storyComments, storyRevisions } from '../../db/tables/stories';

export type StoryText = Pick<typeof stories.$inferSelect, 'background' | 'situation' | 'strengths'>;

/** The story with who last saved it; null when nobody has yet (an empty story at version 1). */
export async function findStory(familyId: string, db: Queryable) {
  const [row] = await db
    .select({ story: stories, updatedByName: accounts.name })
    .from(stories)
    .leftJoin(accounts, eq(accounts.id, stories.updatedBy))
    .where(eq(stories.familyId, familyId));
  return row ?? null;
}

/**
 * Saves the story if it is still at `basedOnVersion` and keeps the saved text as a revision;
 * null when someone else saved first.
 */
export async function saveStoryAt(
  familyId: string,
  change: StoryText & { basedOnVersion: number; editedBy: string; exists: boolean },
  db: Queryable,
) {
  const { basedOnVersion, editedBy, exists, ...text } = change;
  const [row] = exists
    ? await db
        .update(stories)
        .set({ ...text, updatedBy: editedBy, version: sql`${stories.version} + 1`, updatedAt: new Date() })
        .where(and(eq(stories.familyId, familyId), eq(stories.version, basedOnVersion)))
        .returning()
    : await db
        .insert(stories)
        .values({ familyId, ...text, updatedBy: editedBy, version: basedOnVersion + 1 })
        .onConflictDoNothing()
        .returning();
  if (!row) return null;
  await db.insert(storyRevisions).values({ familyId, version: row.version, ...text, editedBy });
  return row;
}

export async function listStoryRevisions(familyId: string, db: Queryable) {
  return db
    .select({ revision: storyRevisions, editedByName: accounts.name })
    .from(storyRevisions)
    .innerJoin(accounts, eq(accounts.id, storyRevisions.editedBy))
    .where(eq(storyRevisions.familyId, familyId))
    .orderBy(desc(storyRevisions.version), desc(storyRevisions.createdAt));
}

const commentColumns = { comment: storyComments, authorName: accounts.name };

export async function listStoryComments(familyId: string, db: Queryable) {
  return db
    .select(commentColumns)
    .from(storyComments)
    .innerJoin(accounts, eq(accounts.id, storyComments.authorId))
    .where(eq(storyComments.familyId, familyId))
    .orderBy(asc(storyComments.createdAt), asc(storyComments.id));
}

export async function findStoryComment(familyId: string, commentId: string, db: Queryable) {
  const [row] = await db
    .select(commentColumns)
    .from(storyComments)
    .innerJoin(accounts, eq(accounts.id, storyComments.authorId))
    .where(and(eq(storyComments.familyId, familyId), eq(storyComments.id, commentId)));
  return row ?? null;
}

export async function insertStoryComment(familyId: string, comment: NewStoryComment, authorId: string, db: Queryable) {
  const [row] = await db.insert(storyComments).values({ familyId, kind: comment.kind, body: comment.body, authorId }).returning();
  return row!;
}

/** Marks the comment resolved unless it already is; false when someone resolved it first. */
export async function resolveStoryCommentAt(familyId: string, commentId: string, db: Queryable): Promise<boolean> {
  const rows = await db
    .update(storyComments)
    .set({ resolvedAt: new Date() })
    .where(and(eq(storyComments.familyId, familyId), eq(storyComments.id, commentId), isNull(storyComments.resolvedAt)))
    .returning({ id: storyComments.id });
  return rows.length > 0;
}
