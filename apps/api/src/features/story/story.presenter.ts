import type { Story, StoryComment, StoryRevision } from '@yhdessa/shared';
import type { findStory, listStoryComments, listStoryRevisions } from './story.repository';

type StoryRow = Awaited<ReturnType<typeof findStory>>;
type CommentRow = Awaited<ReturnType<typeof listStoryComments>>[number];
type RevisionRow = Awaited<ReturnType<typeof listStoryRevisions>>[number];

/** A comment's version: 1 while open, 2 once resolved. */
export function presentStoryComment({ comment, authorName }: CommentRow): StoryComment {
  return {
    id: comment.id,
    kind: comment.kind,
    body: comment.body,
    author: { id: comment.authorId, name: authorName },
    createdAt: comment.createdAt.toISOString(),
    resolvedAt: comment.resolvedAt?.toISOString() ?? null,
    version: comment.resolvedAt ? 2 : 1,
  };
}

/** A story nobody has saved yet is empty, at version 1. */
export function presentStory(familyId: string, row: StoryRow, comments: CommentRow[]): Story {
  const story = row?.story;
  return {
    familyId,
    background: story?.background ?? '',
    situation: story?.situation ?? '',
    strengths: story?.strengths ?? '',
    updatedBy: story?.updatedBy ? { id: story.updatedBy, name: row?.updatedByName ?? '' } : null,
    updatedAt: story?.updatedBy ? story.updatedAt.toISOString() : null,
    version: story?.version ?? 1,
    comments: comments.map(presentStoryComment),
  };
}

export function presentStoryRevision({ revision, editedByName }: RevisionRow): StoryRevision {
  return {
    version: revision.version,
    background: revision.background,
    situation: revision.situation,
    strengths: revision.strengths,
    editedBy: { id: revision.editedBy, name: editedByName },
    editedAt: revision.createdAt.toISOString(),
  };
}
