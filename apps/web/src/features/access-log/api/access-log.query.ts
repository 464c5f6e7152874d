import { infiniteQueryOptions } from '@tanstack/react-query';
import { accessLogSchema, type AccessLogQuery } from '@yhdessa/shared';
import { apiRequest } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export const ACCESS_LOG_PAGE_SIZE = 20;

/**
 * One group per person and day, newest first; each older page starts before the last group of the
 * one before. Without `own` the server chooses: a family member sees others' use only.
 */
export function accessLogQueryOptions(familyId: string, own: AccessLogQuery['own']) {
  return infiniteQueryOptions({
    queryKey: [...queryKeys.accessLog(familyId), own ?? 'default'],
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam, signal }) => {
      const query = new URLSearchParams({ limit: String(ACCESS_LOG_PAGE_SIZE) });
      if (own) query.set('own', own);
      if (pageParam !== undefined) query.set('before', String(pageParam));
      return apiRequest(`/api/families/${encodeURIComponent(familyId)}/access-log?${query}`, {
        schema: accessLogSchema,
        signal,
      });
    },
    getNextPageParam: (page) => page.nextBefore ?? undefined,
  });
}
