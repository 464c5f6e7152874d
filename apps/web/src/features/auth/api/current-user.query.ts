import { queryOptions } from '@tanstack/react-query';
import { currentUserSchema, type CurrentUser } from '@yhdessa/shared';
import { apiRequest, isApiError } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** Being signed out is an answer, not an error: the query resolves to null. */
async function fetchCurrentUser(): Promise<CurrentUser | null> {
  try {
    return await apiRequest('/api/auth/me', { schema: currentUserSchema });
  } catch (error) {
    if (isApiError(error, 'unauthenticated')) return null;
    throw error;
  }
}

export function currentUserQueryOptions() {
  return queryOptions({ queryKey: queryKeys.currentUser, queryFn: fetchCurrentUser, staleTime: 5 * 60_000 });
}
