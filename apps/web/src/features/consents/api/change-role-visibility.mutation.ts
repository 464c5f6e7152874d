import { useMutation, useQueryClient } from '@tanstack/react-query';
import { familyConsentsSchema, type ServiceRoleVisibility } from '@yhdessa/shared';
import { apiRequest } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export interface RoleVisibilityChange extends ServiceRoleVisibility {
  serviceRoleId: string;
}

/**
 * A guardian or the coordinator keeps a service's role from the other services, or shows it
 * again; the answer is the family's consents after it.
 */
export function useChangeRoleVisibility(familyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ serviceRoleId, ...visibility }: RoleVisibilityChange) =>
      apiRequest(`/api/families/${encodeURIComponent(familyId)}/service-roles/${encodeURIComponent(serviceRoleId)}/visibility`, {
        method: 'PATCH',
        body: visibility,
        schema: familyConsentsSchema,
      }),
    onSuccess: (consents) => queryClient.setQueryData(queryKeys.consents(familyId), consents),
    // A conflict means someone else changed the role: read the consents as they are now.
    onError: () => void queryClient.invalidateQueries({ queryKey: queryKeys.consents(familyId) }),
  });
}
