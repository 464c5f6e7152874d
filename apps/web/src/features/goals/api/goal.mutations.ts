import { useMutation } from '@tanstack/react-query';
import { goalSchema, type CreateGoal, type CreateGoalProgress, type Goal } from '@yhdessa/shared';
import { apiRequest } from '../../../lib/api-client';

const goalsPath = (familyId: string) => `/api/families/${encodeURIComponent(familyId)}/goals`;

export function useCreateGoal(familyId: string, onSaved: (goal: Goal) => void) {
  return useMutation({
    mutationFn: (body: CreateGoal) => apiRequest(goalsPath(familyId), { method: 'POST', body, schema: goalSchema }),
    onSuccess: onSaved,
  });
}

export function useAddGoalProgress(familyId: string, goalId: string, onSaved: (goal: Goal) => void) {
  return useMutation({
    mutationFn: (body: CreateGoalProgress) =>
      apiRequest(`${goalsPath(familyId)}/${encodeURIComponent(goalId)}/progress`, { method: 'POST', body, schema: goalSchema }),
    onSuccess: onSaved,
  });
}
