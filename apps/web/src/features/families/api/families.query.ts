import { infiniteQueryOptions, keepPreviousData, queryOptions } from '@tanstack/react-query';
import { familyListSchema, type FamilySort, type FamilyStatus } from '@yhdessa/shared';
import { apiRequest } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export interface FamilyListFilter {
  q?: string;
  status?: FamilyStatus;
  /** The server's default for the reader when not given. */
  sort?: FamilySort;
}

function familiesPath(filter: FamilyListFilter, cursor: string | null): string {
  const search = new URLSearchParams();
  if (filter.q) search.set('q', filter.q);
  if (filter.status) search.set('status', filter.status);
  if (filter.sort) search.set('sort', filter.sort);
  if (cursor) search.set('cursor', cursor);
  const query = search.toString();
  return `/api/families${query ? `?${query}` : ''}`;
}

/** The first page of the user's families, for knowing whether a family member has only one. */
export function familiesQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.families,
    queryFn: async ({ signal }) => (await apiRequest(familiesPath({}, null), { schema: familyListSchema, signal })).families,
  });
}

/**
 * The user's families a page at a time, searched, filtered and sorted; "show more" follows the
 * page's cursor. The previous list stays on screen while another search or sort loads.
 */
export function familyPagesQueryOptions(filter: FamilyListFilter) {
  return infiniteQueryOptions({
    queryKey: queryKeys.familyPages({ q: filter.q ?? '', status: filter.status ?? '', sort: filter.sort ?? '' }),
    queryFn: ({ pageParam, signal }) => apiRequest(familiesPath(filter, pageParam), { schema: familyListSchema, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}
