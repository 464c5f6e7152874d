import { queryOptions } from '@tanstack/react-query';
import { familyConsentsSchema } from '@yhdessa/shared';
import { apiRequest } from '../../../lib/api-client';

export const consentsQueryKey = (familyId: string) => ['families', familyId, 'consents'] as const;

export function consentsQueryOptions(familyId: string) {
  return queryOptions({
    queryKey: consentsQueryKey(familyId),
    queryFn: ({ signal }) =>
      apiRequest(`/api/families/${encodeURIComponent(familyId)}/consents`, { schema: familyConsentsSchema, signal }),
  });
}
