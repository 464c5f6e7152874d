import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  goalSchema,
  type CreateGoal,
  type CreateGoalProgress,
  type EndGoal,
  type ReopenGoal,
  type UpdateGoal,
} from '@yhdessa/shared';
import { apiRequest } from '../../../lib/api-client';
import { invalidatePlan } from '../../../lib/query-keys';

const goalsPath = (familyId: string) => `/api/families/${encodeURIComponent(familyId)}/goals`;
const goalPath = (familyId: string, goalId: string) => `${goalsPath(familyId)}/${encodeURIComponent(goalId)}`;

export function useCreateGoal(familyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateGoal) => apiRequest(goalsPath(familyId), { method: 'POST', body, schema: goalSchema }),
    onSuccess: () => invalidatePlan(queryClient, familyId),
  });
}

export type GoalChange =
  | { kind: 'update'; goalId: string; body: UpdateGoal }
  | { kind: 'end'; goalId: string; body: EndGoal }
  | { kind: 'reopen'; goalId: string; body: ReopenGoal };

/** Rewords, ends or reopens a goal against the version it was loaded at; 409 carries the goal as it is now. */
export function useChangeGoal(familyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, goalId, body }: GoalChange) =>
      kind === 'update'
        ? apiRequest(goalPath(familyId, goalId), { method: 'PATCH', body, schema: goalSchema })
        : apiRequest(`${goalPath(familyId, goalId)}/${kind}`, { method: 'POST', body, schema: goalSchema }),
    onSuccess: () => invalidatePlan(queryClient, familyId),
  });
}

export function useAddGoalProgress(familyId: string, goalId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateGoalProgress) =>
      apiRequest(`${goalPath(familyId, goalId)}/progress`, { method: 'POST', body, schema: goalSchema }),
    onSuccess: () => invalidatePlan(queryClient, familyId),
  });
}
