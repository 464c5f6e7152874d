import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { planSchema } from '@yhdessa/shared';
import { apiRequest } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export function planQueryOptions(familyId: string) {
  return queryOptions({
    queryKey: queryKeys.plan(familyId),
    queryFn: ({ signal }) => apiRequest(`/api/families/${encodeURIComponent(familyId)}/plan`, { schema: planSchema, signal }),
  });
}

/**
 * Reads the plan again after joining the family's room. A read already under way may have
 * happened before the join, so it is dropped rather than trusted.
 */
export async function refreshPlan(queryClient: QueryClient, familyId: string): Promise<void> {
  await queryClient.cancelQueries({ queryKey: queryKeys.plan(familyId) });
  await queryClient.invalidateQueries({ queryKey: queryKeys.plan(familyId) });
}
