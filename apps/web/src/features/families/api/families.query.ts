import { queryOptions } from '@tanstack/react-query';
import { familyListSchema } from '@yhdessa/shared';
import { apiRequest } from '../../../lib/api-client';

export const familiesQueryKey = ['families', 'list'] as const;

export function familiesQueryOptions() {
  return queryOptions({
    queryKey: familiesQueryKey,
    queryFn: async () => (await apiRequest('/api/families', { schema: familyListSchema })).families,
  });
}
