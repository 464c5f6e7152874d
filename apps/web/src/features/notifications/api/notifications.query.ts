import { infiniteQueryOptions, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import {
  notificationListSchema,
  notificationPreferencesSchema,
  unreadCountSchema,
  type UpdateNotificationPreferences,
} from '@yhdessa/shared';
import { apiRequest } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

const PAGE_SIZE = 10;

export function unreadCountQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.unreadNotifications,
    queryFn: ({ signal }) => apiRequest('/api/notifications/unread-count', { schema: unreadCountSchema, signal }),
  });
}

/** Newest first, a page at a time; older pages follow `nextBefore`. */
export function notificationListQueryOptions() {
  return infiniteQueryOptions({
    queryKey: queryKeys.notificationList,
    queryFn: ({ pageParam, signal }) =>
      apiRequest(`/api/notifications?limit=${PAGE_SIZE}${pageParam ? `&before=${encodeURIComponent(pageParam)}` : ''}`, {
        schema: notificationListSchema,
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextBefore,
  });
}

export function notificationPreferencesQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.notificationPreferences,
    queryFn: ({ signal }) => apiRequest('/api/notifications/preferences', { schema: notificationPreferencesSchema, signal }),
  });
}

/** The count and the list are read again; the server tells the reader's other tabs itself. */
function useRefreshNotifications() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: queryKeys.notifications });
}

export function useMarkNotificationRead() {
  const refresh = useRefreshNotifications();
  return useMutation({
    mutationFn: (notificationId: string) =>
      apiRequest(`/api/notifications/${encodeURIComponent(notificationId)}/read`, { method: 'POST' }),
    onSettled: refresh,
  });
}

export function useMarkAllNotificationsRead() {
  const refresh = useRefreshNotifications();
  return useMutation({
    mutationFn: () => apiRequest('/api/notifications/read-all', { method: 'POST' }),
    onSettled: refresh,
  });
}

export function useUpdateNotificationPreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateNotificationPreferences) =>
      apiRequest('/api/notifications/preferences', { method: 'PUT', body, schema: notificationPreferencesSchema }),
    onSuccess: (preferences) => {
      queryClient.setQueryData(queryKeys.notificationPreferences, preferences);
      // What the bell shows depends on which kinds are on.
      void queryClient.invalidateQueries({ queryKey: queryKeys.notificationList });
      void queryClient.invalidateQueries({ queryKey: queryKeys.unreadNotifications });
    },
  });
}
