import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import {
  reviewListSchema,
  reviewSchema,
  type CreateAgendaItem,
  type CreateReview,
  type Review,
  type UpdateReview,
} from '@yhdessa/shared';
import { apiRequest } from '../../../lib/api-client';
import { invalidateWorkspace, queryKeys } from '../../../lib/query-keys';

const familyPath = (familyId: string) => `/api/families/${encodeURIComponent(familyId)}`;

export function reviewsQueryOptions(familyId: string) {
  return queryOptions({
    queryKey: queryKeys.reviews(familyId),
    queryFn: async ({ signal }) =>
      (await apiRequest(`${familyPath(familyId)}/reviews`, { schema: reviewListSchema, signal })).reviews,
  });
}

type ReviewChange =
  | { kind: 'create'; body: CreateReview }
  | { kind: 'update'; reviewId: string; body: UpdateReview }
  | { kind: 'agenda'; reviewId: string; body: CreateAgendaItem }
  | { kind: 'complete'; reviewId: string; version: number };

function send(familyId: string, change: ReviewChange): Promise<Review> {
  const reviews = `${familyPath(familyId)}/reviews`;
  switch (change.kind) {
    case 'create':
      return apiRequest(reviews, { method: 'POST', body: change.body, schema: reviewSchema });
    case 'update':
      return apiRequest(`${reviews}/${encodeURIComponent(change.reviewId)}`, {
        method: 'PATCH',
        body: change.body,
        schema: reviewSchema,
      });
    case 'agenda':
      return apiRequest(`${reviews}/${encodeURIComponent(change.reviewId)}/agenda`, {
        method: 'POST',
        body: change.body,
        schema: reviewSchema,
      });
    case 'complete':
      return apiRequest(`${reviews}/${encodeURIComponent(change.reviewId)}/complete`, {
        method: 'POST',
        body: { version: change.version },
        schema: reviewSchema,
      });
  }
}

/** Every change to a review answers with the review; the list (and, on completion, the versions) are read again. */
export function useReviewChange(familyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: ReviewChange) => send(familyId, change),
    onSettled: (_review, _error, change) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.reviews(familyId) });
      if (change.kind === 'complete') {
        void queryClient.invalidateQueries({ queryKey: queryKeys.versions(familyId) });
        void queryClient.invalidateQueries({ queryKey: queryKeys.plan(familyId) });
      }
      invalidateWorkspace(queryClient);
    },
  });
}
