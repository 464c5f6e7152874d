import { queryOptions } from '@tanstack/react-query';
import { familyListSchema } from '@yhdessa/shared';
import { apiRequest } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export function familiesQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.families,
    queryFn: async () => (await apiRequest('/api/families', { schema: familyListSchema })).families,
  });
}
