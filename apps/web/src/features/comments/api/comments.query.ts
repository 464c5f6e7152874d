import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { commentSchema, commentThreadSchema, type CommentTargetKind, type NewComment } from '@yhdessa/shared';
import { apiRequest } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** The goal or action a thread is about. */
export interface CommentTarget {
  kind: CommentTargetKind;
  id: string;
}

const threadPath = (familyId: string, { kind, id }: CommentTarget) =>
  `/api/families/${encodeURIComponent(familyId)}/${kind === 'goal' ? 'goals' : 'actions'}/${encodeURIComponent(id)}/comments`;

export function commentThreadQueryOptions(familyId: string, target: CommentTarget) {
  return queryOptions({
    queryKey: queryKeys.commentThread(familyId, target.kind, target.id),
    queryFn: ({ signal }) => apiRequest(threadPath(familyId, target), { schema: commentThreadSchema, signal }),
  });
}

export function useAddComment(familyId: string, target: CommentTarget) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewComment) => apiRequest(threadPath(familyId, target), { method: 'POST', body, schema: commentSchema }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.commentThread(familyId, target.kind, target.id) });
      // A comment may answer the family, or wait for an answer: the family list weighs that.
      void queryClient.invalidateQueries({ queryKey: queryKeys.families });
    },
  });
}
