import { infiniteQueryOptions } from '@tanstack/react-query';
import { activitySchema } from '@yhdessa/shared';
import { apiRequest } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export const ACTIVITY_PAGE_SIZE = 20;

/**
 * What changed in the family, newest first; each older page starts before the oldest change of the
 * one before. A live event makes it stale, and a refetch walks the pages again from the newest.
 */
export function activityQueryOptions(familyId: string) {
  return infiniteQueryOptions({
    queryKey: queryKeys.activity(familyId),
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam, signal }) => {
      const query = new URLSearchParams({ limit: String(ACTIVITY_PAGE_SIZE) });
      if (pageParam !== undefined) query.set('before', String(pageParam));
      return apiRequest(`/api/families/${encodeURIComponent(familyId)}/activity?${query}`, { schema: activitySchema, signal });
    },
    getNextPageParam: (page) => page.nextBefore ?? undefined,
  });
}
