import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  goalSchema,
  type CreateGoal,
  type Goal,
  type CreateGoalProgress,
  type EndGoal,
  type ReopenGoal,
  type UpdateGoal,
} from '@yhdessa/shared';
import { apiRequest } from '../../../lib/api-client';
import { pendingEditKind } from '../../../lib/pending-edits';
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

export interface GoalProgressEntry {
  familyId: string;
  goalId: string;
  body: CreateGoalProgress;
}

/** How a goal is going may be written down without a connection: it waits for it (lib/pending-edits.ts). */
export const goalProgressEntry = pendingEditKind<Goal, GoalProgressEntry>('addGoalProgress', (queryClient) => ({
  mutationFn: ({ familyId, goalId, body }) =>
    apiRequest(`${goalPath(familyId, goalId)}/progress`, { method: 'POST', body, schema: goalSchema }),
  onSuccess: (_goal, { familyId }) => invalidatePlan(queryClient, familyId),
}));
