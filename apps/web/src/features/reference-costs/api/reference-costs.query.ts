import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { referenceCostListSchema, type ReferenceCostKind, type SetReferenceCost } from '@yhdessa/shared';
import { apiRequest } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export function referenceCostsQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.referenceCosts,
    queryFn: async ({ signal }) =>
      (await apiRequest('/api/reference-costs', { schema: referenceCostListSchema, signal })).referenceCosts,
  });
}

/** A new figure from a date on; the answer is the whole list, which replaces the cached one. */
export function useSetReferenceCost(kind: ReferenceCostKind) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SetReferenceCost) =>
      apiRequest(`/api/reference-costs/${kind}/periods`, { method: 'POST', body, schema: referenceCostListSchema }),
    onSuccess: (list) => {
      queryClient.setQueryData(queryKeys.referenceCosts, list.referenceCosts);
      // The families' cost views show the figure valid today beside their costs.
      void queryClient.invalidateQueries({
        predicate: (query) => query.queryKey[0] === 'families' && query.queryKey[3] === 'costs',
      });
    },
  });
}
