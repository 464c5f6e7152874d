import { queryOptions } from '@tanstack/react-query';
import { planSchema } from '@yhdessa/shared';
import { apiRequest } from '../../../lib/api-client';

export const planQueryKey = (familyId: string) => ['families', familyId, 'plan'] as const;

export function planQueryOptions(familyId: string) {
  return queryOptions({
    queryKey: planQueryKey(familyId),
    queryFn: ({ signal }) => apiRequest(`/api/families/${encodeURIComponent(familyId)}/plan`, { schema: planSchema, signal }),
  });
}
