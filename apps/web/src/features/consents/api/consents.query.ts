import { queryOptions } from '@tanstack/react-query';
import { familyConsentsSchema } from '@yhdessa/shared';
import { apiRequest } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export function consentsQueryOptions(familyId: string) {
  return queryOptions({
    queryKey: queryKeys.consents(familyId),
    queryFn: ({ signal }) =>
      apiRequest(`/api/families/${encodeURIComponent(familyId)}/consents`, { schema: familyConsentsSchema, signal }),
  });
}
