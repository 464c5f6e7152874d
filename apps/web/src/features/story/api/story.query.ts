import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import {
  storyCommentSchema,
  storyHistorySchema,
  storySchema,
  type NewStoryComment,
  type Story,
  type StoryComment,
  type UpdateStory,
} from '@yhdessa/shared';
import { apiRequest } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

const base = (familyId: string) => `/api/families/${encodeURIComponent(familyId)}/story`;

export function storyQueryOptions(familyId: string) {
  return queryOptions({
    queryKey: queryKeys.story(familyId),
    queryFn: ({ signal }) => apiRequest(base(familyId), { schema: storySchema, signal }),
  });
}

export function storyHistoryQueryOptions(familyId: string) {
  return queryOptions({
    queryKey: queryKeys.storyHistory(familyId),
    queryFn: async ({ signal }) =>
      (await apiRequest(`${base(familyId)}/history`, { schema: storyHistorySchema, signal })).revisions,
    staleTime: 0,
  });
}

/** Saves the story against the version it was edited from; a stale version answers 409 with the story as it is now. */
export function useUpdateStory(familyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateStory) => apiRequest(base(familyId), { method: 'PUT', body, schema: storySchema }),
    onSuccess: (story: Story) => {
      queryClient.setQueryData(queryKeys.story(familyId), story);
      void queryClient.invalidateQueries({ queryKey: queryKeys.storyHistory(familyId) });
    },
  });
}

/** The family comments on its story or asks for a correction; the story (with its comments) is read again. */
export function useCommentOnStory(familyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewStoryComment) =>
      apiRequest(`${base(familyId)}/comments`, { method: 'POST', body, schema: storyCommentSchema }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.story(familyId) }),
  });
}

/** The coordinator marks a comment resolved; if someone did first (409), the story shows it resolved all the same. */
export function useResolveStoryComment(familyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (comment: StoryComment) =>
      apiRequest(`${base(familyId)}/comments/${encodeURIComponent(comment.id)}/resolve`, {
        method: 'POST',
        body: { version: comment.version },
        schema: storyCommentSchema,
      }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: queryKeys.story(familyId) }),
  });
}
