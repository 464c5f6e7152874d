import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { actionSchema, type Action, type UpdateAction, type UpdateActionStatus } from '@yhdessa/shared';
import { apiRequest, isApiError } from '../../../lib/api-client';
import { pendingEditKind, takeWaitingEdit, usePendingEdit } from '../../../lib/pending-edits';
import { storePlanAction } from './action-cache';

export interface UpdateActionInput {
  actionId: string;
  /** The fields to change, on the version the user saw. */
  body: UpdateAction;
}

function sendActionChange(familyId: string, { actionId, body }: UpdateActionInput): Promise<Action> {
  return apiRequest(`/api/families/${encodeURIComponent(familyId)}/actions/${encodeURIComponent(actionId)}`, {
    method: 'PATCH',
    body,
    schema: actionSchema,
  });
}

/** The plan gets the action as the server now has it: after a save, and after a version conflict. */
function storeAnswer(queryClient: QueryClient, familyId: string) {
  return {
    onSuccess: (action: Action) => storePlanAction(queryClient, familyId, action),
    onError: (error: Error) => {
      if (!isApiError(error, 'version_conflict')) return;
      const current = actionSchema.safeParse(error.current);
      if (current.success) storePlanAction(queryClient, familyId, current.data);
    },
  };
}

export interface ActionStatusChange {
  familyId: string;
  actionId: string;
  body: UpdateActionStatus;
}

/**
 * A status change, the change most often made without a connection, waits for it and is sent
 * when it returns (lib/pending-edits.ts).
 */
export const actionStatusChange = pendingEditKind<Action, ActionStatusChange>('changeActionStatus', (queryClient) => ({
  mutationFn: ({ familyId, ...change }) => sendActionChange(familyId, change),
  onSuccess: (action, { familyId }) => storeAnswer(queryClient, familyId).onSuccess(action),
  onError: (error, { familyId }) => storeAnswer(queryClient, familyId).onError(error),
}));

export const isChangeOf = (actionId: string) => (change: ActionStatusChange) => change.actionId === actionId;

export function useChangeActionStatus(familyId: string) {
  const queryClient = useQueryClient();
  const { mutate } = usePendingEdit(actionStatusChange);
  /** A newer choice replaces one still waiting: one change, on the version the user saw. */
  return (actionId: string, body: UpdateActionStatus) => {
    takeWaitingEdit(queryClient, actionStatusChange, isChangeOf(actionId));
    mutate({ familyId, actionId, body });
  };
}

/** An action's words, owner, due date and goal: saved at once, or refused with a reason. */
export function useUpdateAction(familyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateActionInput) => sendActionChange(familyId, input),
    ...storeAnswer(queryClient, familyId),
  });
}
