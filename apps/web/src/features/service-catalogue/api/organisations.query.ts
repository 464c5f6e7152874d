import { queryOptions } from '@tanstack/react-query';
import { organisationListSchema } from '@yhdessa/shared';
import { apiRequest } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** The providers a catalogue entry can name (administrators only). */
export function organisationsQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.organisations,
    queryFn: async ({ signal }) =>
      (await apiRequest('/api/organisations', { schema: organisationListSchema, signal })).organisations,
    staleTime: 5 * 60_000,
  });
}
