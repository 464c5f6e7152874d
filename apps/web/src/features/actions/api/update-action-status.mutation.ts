import { useMutation, useQueryClient } from '@tanstack/react-query';
import { actionSchema, type UpdateActionStatus } from '@yhdessa/shared';
import { apiRequest, isApiError } from '../../../lib/api-client';
import { storePlanAction } from './action-cache';

export interface UpdateActionStatusInput extends UpdateActionStatus {
  actionId: string;
}

/** The plan gets the action as the server now has it: after a save, and after a version conflict. */
export function useUpdateActionStatus(familyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ actionId, status, version }: UpdateActionStatusInput) =>
      apiRequest(`/api/families/${encodeURIComponent(familyId)}/actions/${encodeURIComponent(actionId)}`, {
        method: 'PATCH',
        body: { status, version } satisfies UpdateActionStatus,
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
