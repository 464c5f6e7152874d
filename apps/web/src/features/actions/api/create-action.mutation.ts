import { useMutation, useQueryClient } from '@tanstack/react-query';
import { actionSchema, type CreateAction } from '@yhdessa/shared';
import { apiRequest } from '../../../lib/api-client';
import { invalidatePlan } from '../../../lib/query-keys';

export function useCreateAction(familyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateAction) =>
      apiRequest(`/api/families/${encodeURIComponent(familyId)}/actions`, { method: 'POST', body, schema: actionSchema }),
    onSuccess: () => invalidatePlan(queryClient, familyId),
  });
}
