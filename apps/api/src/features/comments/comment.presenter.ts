import type { Comment } from '@yhdessa/shared';
import type { CommentRow } from './comments.repository';

export function presentComment({ comment, authorName }: CommentRow): Comment {
  return {
    id: comment.id,
    body: comment.body,
    author: { id: comment.authorId, name: authorName },
    createdAt: comment.createdAt.toISOString(),
  };
}
