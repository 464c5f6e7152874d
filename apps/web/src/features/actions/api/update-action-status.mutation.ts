import { useMutation } from '@tanstack/react-query';
import { actionSchema, type Action, type UpdateActionStatus } from '@yhdessa/shared';
import { apiRequest, isApiError } from '../../../lib/api-client';

export interface UpdateActionStatusInput extends UpdateActionStatus {
  actionId: string;
}

interface UpdateActionStatusOptions {
  /** Receives the action as the server now has it: after a save, and after a version conflict. */
  onStored: (action: Action) => void;
}

export function useUpdateActionStatus(familyId: string, { onStored }: UpdateActionStatusOptions) {
  return useMutation({
    mutationFn: ({ actionId, status, version }: UpdateActionStatusInput) =>
      apiRequest(`/api/families/${encodeURIComponent(familyId)}/actions/${encodeURIComponent(actionId)}`, {
        method: 'PATCH',
        body: { status, version } satisfies UpdateActionStatus,
        schema: actionSchema,
      }),
    onSuccess: onStored,
    onError: (error) => {
      if (!isApiError(error, 'version_conflict')) return;
      const current = actionSchema.safeParse(error.current);
      if (current.success) onStored(current.data);
    },
  });
}
