import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import {
  adminAccountListSchema,
  adminAccountSchema,
  type ChangeAccountAccess,
  type CreateAccount,
  type Role,
} from '@yhdessa/shared';
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

/** What the administrator does to an account with one click and a confirmation. */
export type AccountCommand = 'disable' | 'unlock' | 'enable';

/**
 * `disable` ends the account's sessions and live connections, `unlock` lifts the locks wrong
 * passwords or second-factor codes put on it, `enable` reopens it; every cached list is refetched.
 */
export function useAccountCommand(command: AccountCommand) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (accountId: string) =>
      apiRequest(`/api/admin/accounts/${encodeURIComponent(accountId)}/${command}`, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.accounts }),
  });
}

/** A professional's account; the person gets an invitation link by mail. */
export function useCreateAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateAccount) => apiRequest('/api/admin/accounts', { method: 'POST', body, schema: adminAccountSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.accounts }),
  });
}

/** A new role ends the person's sessions on the server; the lists are refetched. */
export function useChangeAccountAccess(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ChangeAccountAccess) =>
      apiRequest(`/api/admin/accounts/${encodeURIComponent(accountId)}`, { method: 'PATCH', body, schema: adminAccountSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.accounts }),
  });
}
