import { infiniteQueryOptions } from '@tanstack/react-query';
import { accessLogSchema } from '@yhdessa/shared';
import { apiRequest } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export const ACCESS_LOG_PAGE_SIZE = 30;

/** Newest first; each older page starts before the last entry of the one before. */
export function accessLogQueryOptions(familyId: string) {
  return infiniteQueryOptions({
    queryKey: queryKeys.accessLog(familyId),
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam, signal }) => {
      const query = new URLSearchParams({ limit: String(ACCESS_LOG_PAGE_SIZE) });
      if (pageParam !== undefined) query.set('before', String(pageParam));
      return apiRequest(`/api/families/${encodeURIComponent(familyId)}/access-log?${query}`, {
        schema: accessLogSchema,
        signal,
      });
    },
    getNextPageParam: (page) => page.nextBefore ?? undefined,
  });
}
