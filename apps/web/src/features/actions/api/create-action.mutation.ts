import { useMutation } from '@tanstack/react-query';
import { actionSchema, type Action, type CreateAction } from '@yhdessa/shared';
import { apiRequest } from '../../../lib/api-client';

export function useCreateAction(familyId: string, onSaved: (action: Action) => void) {
  return useMutation({
    mutationFn: (body: CreateAction) =>
      apiRequest(`/api/families/${encodeURIComponent(familyId)}/actions`, { method: 'POST', body, schema: actionSchema }),
    onSuccess: onSaved,
  });
}
