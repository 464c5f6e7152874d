import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { presencePreferenceSchema, type PresencePreference } from '@yhdessa/shared';
import { apiRequest } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

const preferencePath = (familyId: string) => `/api/families/${encodeURIComponent(familyId)}/presence-preference`;

export function presencePreferenceQueryOptions(familyId: string) {
  return queryOptions({
    queryKey: queryKeys.presencePreference(familyId),
    queryFn: ({ signal }) => apiRequest(preferencePath(familyId), { schema: presencePreferenceSchema, signal }),
  });
}

/** The family member turns being told of the coordinator on or off; the server tells their open plans at once. */
export function useChangePresencePreference(familyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (preference: PresencePreference) =>
      apiRequest(preferencePath(familyId), { method: 'PUT', body: preference, schema: presencePreferenceSchema }),
    onSuccess: (preference) => queryClient.setQueryData(queryKeys.presencePreference(familyId), preference),
  });
}
