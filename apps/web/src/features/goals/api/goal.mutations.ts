import { useMutation, useQueryClient } from '@tanstack/react-query';
import { goalSchema, type CreateGoal, type CreateGoalProgress } from '@yhdessa/shared';
import { apiRequest } from '../../../lib/api-client';
import { invalidatePlan } from '../../../lib/query-keys';

const goalsPath = (familyId: string) => `/api/families/${encodeURIComponent(familyId)}/goals`;

export function useCreateGoal(familyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateGoal) => apiRequest(goalsPath(familyId), { method: 'POST', body, schema: goalSchema }),
    onSuccess: () => invalidatePlan(queryClient, familyId),
  });
}

export function useAddGoalProgress(familyId: string, goalId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateGoalProgress) =>
      apiRequest(`${goalsPath(familyId)}/${encodeURIComponent(goalId)}/progress`, { method: 'POST', body, schema: goalSchema }),
    onSuccess: () => invalidatePlan(queryClient, familyId),
  });
}
