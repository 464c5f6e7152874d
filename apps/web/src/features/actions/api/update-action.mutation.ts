import { useMutation, useQueryClient } from '@tanstack/react-query';
import { actionSchema, type UpdateAction } from '@yhdessa/shared';
import { apiRequest, isApiError } from '../../../lib/api-client';
import { storePlanAction } from './action-cache';

export interface UpdateActionInput {
  actionId: string;
  /** The fields to change (a status change is one case of it), on the version the user saw. */
  body: UpdateAction;
}

/** The plan gets the action as the server now has it: after a save, and after a version conflict. */
export function useUpdateAction(familyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ actionId, body }: UpdateActionInput) =>
      apiRequest(`/api/families/${encodeURIComponent(familyId)}/actions/${encodeURIComponent(actionId)}`, {
        method: 'PATCH',
        body,
        schema: actionSchema,
      }),
    onSuccess: (action) => storePlanAction(queryClient, familyId, action),
    onError: (error) => {
      if (!isApiError(error, 'version_conflict')) return;
      const current = actionSchema.safeParse(error.current);
      if (current.success) storePlanAction(queryClient, familyId, current.data);
    },
  });
}
