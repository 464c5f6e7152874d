import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { serviceCatalogueSchema, serviceRoleSummarySchema, type InviteService } from '@yhdessa/shared';
import { apiRequest } from '../../../lib/api-client';
import { invalidatePlan, queryKeys } from '../../../lib/query-keys';

export function serviceCatalogueQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.serviceCatalogue,
    queryFn: async ({ signal }) => (await apiRequest('/api/services', { schema: serviceCatalogueSchema, signal })).services,
    staleTime: 5 * 60_000,
  });
}

/** The invited service shows in the plan at once, waiting for its answer; a declined card it follows up names it. */
export function useInviteService(familyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: InviteService) =>
      apiRequest(`/api/families/${encodeURIComponent(familyId)}/service-roles`, {
        method: 'POST',
        body,
        schema: serviceRoleSummarySchema,
      }),
    onSuccess: (_role, body) => {
      invalidatePlan(queryClient, familyId);
      if (body.replacesServiceRoleId) void queryClient.invalidateQueries({ queryKey: queryKeys.declinedInvitations(familyId) });
    },
  });
}
