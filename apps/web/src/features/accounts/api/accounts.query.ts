import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { adminAccountListSchema, type Role } from '@yhdessa/shared';
import { apiRequest } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** Every account, or those of one role (administrators only). */
export function accountsQueryOptions(role: Role | null) {
  return queryOptions({
    queryKey: queryKeys.accountsByRole(role),
    queryFn: async ({ signal }) =>
      (
        await apiRequest(`/api/admin/accounts${role ? `?role=${encodeURIComponent(role)}` : ''}`, {
          schema: adminAccountListSchema,
          signal,
        })
      ).accounts,
    placeholderData: keepPreviousData,
  });
}

/** The server ends the account's sessions and live connections; every cached list is refetched. */
export function useDisableAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (accountId: string) =>
      apiRequest(`/api/admin/accounts/${encodeURIComponent(accountId)}/disable`, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.accounts }),
  });
}

/** Lifts the locks wrong passwords or second-factor codes put on the account. */
export function useUnlockAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (accountId: string) =>
      apiRequest(`/api/admin/accounts/${encodeURIComponent(accountId)}/unlock`, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.accounts }),
  });
}
