import { infiniteQueryOptions } from '@tanstack/react-query';
import { accessLogSchema } from '@yhdessa/shared';
import { apiRequest } from '../../../lib/api-client';

export const ACCESS_LOG_PAGE_SIZE = 30;

export const accessLogQueryKey = (familyId: string) => ['families', familyId, 'access-log'] as const;

/** Newest first; each older page starts before the last entry of the one before. */
export function accessLogQueryOptions(familyId: string) {
  return infiniteQueryOptions({
    queryKey: accessLogQueryKey(familyId),
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
