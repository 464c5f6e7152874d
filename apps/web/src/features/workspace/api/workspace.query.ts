import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { WORKSPACE_FIRST_ACTIONS, workspaceActionPageSchema, workspaceSchema, type WorkspaceActionPage } from '@yhdessa/shared';
import { apiRequest } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** What needs the caller now. The families themselves are the family list's (`familyPagesQueryOptions`). */
export function workspaceQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.workspaceView,
    queryFn: ({ signal }) => apiRequest('/api/workspace', { schema: workspaceSchema, signal }),
  });
}

/**
 * The actions that need the caller, a page at a time: the first page is the workspace's own, so
 * opening the workspace is one request; "show more" asks `/api/workspace/actions` for the next.
 */
export function workspaceActionsQueryOptions(first: WorkspaceActionPage, firstReadAt: number) {
  return infiniteQueryOptions({
    queryKey: queryKeys.workspaceActions,
    // Read again from the start, the first page is as long as the workspace's own.
    queryFn: ({ pageParam, signal }) =>
      apiRequest(
        `/api/workspace/actions?${pageParam ? `cursor=${encodeURIComponent(pageParam)}` : `limit=${WORKSPACE_FIRST_ACTIONS}`}`,
        {
          schema: workspaceActionPageSchema,
          signal,
        },
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    initialData: { pages: [first], pageParams: [null] },
    initialDataUpdatedAt: firstReadAt,
  });
}
