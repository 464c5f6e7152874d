import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { familyDetailSchema, type FamilyDetail, type UpdateFamily } from '@yhdessa/shared';
import { apiRequest } from '../../../lib/api-client';
import { invalidatePlan, queryKeys } from '../../../lib/query-keys';

export const familyPath = (familyId: string) => `/api/families/${encodeURIComponent(familyId)}`;

export function familyQueryOptions(familyId: string) {
  return queryOptions({
    queryKey: queryKeys.family(familyId),
    queryFn: ({ signal }) => apiRequest(familyPath(familyId), { schema: familyDetailSchema, signal }),
  });
}

/** Closes or reopens the case against the version it was loaded at; 409 carries the case as it is now. */
export function useUpdateFamily(familyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateFamily) => apiRequest(familyPath(familyId), { method: 'PATCH', body, schema: familyDetailSchema }),
    onSuccess: (family: FamilyDetail) => {
      queryClient.setQueryData(queryKeys.family(familyId), family);
      void queryClient.invalidateQueries({ queryKey: queryKeys.families });
      invalidatePlan(queryClient, familyId);
    },
    // A conflict or a refusal means the cached case is out of date.
    onError: () => queryClient.invalidateQueries({ queryKey: queryKeys.family(familyId) }),
  });
}
