import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { workspaceSchema, type WorkspaceQuery } from '@yhdessa/shared';
import { apiRequest } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** The caller's workspace, narrowed by a name search and a status; the previous answer stays while a new one loads. */
export function workspaceQueryOptions(filter: Pick<WorkspaceQuery, 'q' | 'status'> = {}) {
  const search = new URLSearchParams();
  if (filter.q) search.set('q', filter.q);
  if (filter.status) search.set('status', filter.status);
  const query = search.toString();
  return queryOptions({
    queryKey: queryKeys.workspaceView(filter.q ?? '', filter.status ?? ''),
    queryFn: ({ signal }) => apiRequest(`/api/workspace${query ? `?${query}` : ''}`, { schema: workspaceSchema, signal }),
    placeholderData: keepPreviousData,
  });
}
