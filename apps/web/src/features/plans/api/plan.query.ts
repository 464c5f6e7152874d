import { queryOptions } from '@tanstack/react-query';
import { planSchema } from '@yhdessa/shared';
import { apiRequest } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export function planQueryOptions(familyId: string) {
  return queryOptions({
    queryKey: queryKeys.plan(familyId),
    queryFn: ({ signal }) => apiRequest(`/api/families/${encodeURIComponent(familyId)}/plan`, { schema: planSchema, signal }),
  });
}
