import { useMutation, useQueryClient } from '@tanstack/react-query';
import { currentUserSchema, type LoginRequest } from '@yhdessa/shared';
import { apiRequest } from '../../../lib/api-client';
import { switchPendingEditsAccount } from '../../../lib/pending-edits-storage';
import { queryKeys } from '../../../lib/query-keys';

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: LoginRequest) =>
      apiRequest('/api/auth/login', { method: 'POST', body: credentials, schema: currentUserSchema }),
    onSuccess: (user) => {
      // Nothing cached under a previous session may show through to the new one; the edits still
      // waiting to be sent are kept only when it is the same account (lib/pending-edits-storage.ts).
      switchPendingEditsAccount(queryClient, user.id);
      queryClient.getQueryCache().clear();
      queryClient.setQueryData(queryKeys.currentUser, user);
    },
  });
}
