import { queryOptions, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import {
  feedbackListSchema,
  feedbackRequestSchema,
  type AnswerFeedback,
  type FeedbackList,
  type FeedbackRequest,
} from '@yhdessa/shared';
import { apiRequest } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

const answerPath = (familyId: string, requestId: string) =>
  `/api/families/${encodeURIComponent(familyId)}/feedback/${encodeURIComponent(requestId)}/answer`;

export function feedbackQueryOptions(familyId: string) {
  return queryOptions({
    queryKey: queryKeys.feedback(familyId),
    queryFn: async ({ signal }) =>
      (
        await apiRequest(`/api/families/${encodeURIComponent(familyId)}/feedback`, {
          schema: feedbackListSchema,
          signal,
        })
      ).requests,
  });
}

/** The list keeps its order; the request the server answered with takes its own place in it. */
function putRequest(queryClient: QueryClient, familyId: string, request: FeedbackRequest) {
  queryClient.setQueryData<FeedbackList['requests']>(queryKeys.feedback(familyId), (requests) =>
    requests?.map((each) => (each.id === request.id ? request : each)),
  );
}

/** The family answers a request, once. */
export function useAnswerFeedback(familyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ requestId, answer }: { requestId: string; answer: AnswerFeedback }) =>
      apiRequest(answerPath(familyId, requestId), { method: 'POST', body: answer, schema: feedbackRequestSchema }),
    onSuccess: (request) => putRequest(queryClient, familyId, request),
    // Answered already (by another member, say): the list is read again to show that answer.
    onError: () => void queryClient.invalidateQueries({ queryKey: queryKeys.feedback(familyId) }),
  });
}

/** Who answered lets the coordinator see the answer, or takes the permission back. */
export function useChangeFeedbackPermission(familyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ requestId, coordinatorMaySee, version }: { requestId: string; coordinatorMaySee: boolean; version: number }) =>
      apiRequest(answerPath(familyId, requestId), {
        method: 'PATCH',
        body: { coordinatorMaySee, version },
        schema: feedbackRequestSchema,
      }),
    onSuccess: (request) => putRequest(queryClient, familyId, request),
    onError: () => void queryClient.invalidateQueries({ queryKey: queryKeys.feedback(familyId) }),
  });
}
