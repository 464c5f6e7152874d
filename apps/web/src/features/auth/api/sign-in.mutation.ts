import { useMutation, useQueryClient } from '@tanstack/react-query';
import { currentUserSchema, type LoginRequest } from '@yhdessa/shared';
import { apiRequest } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: LoginRequest) =>
      apiRequest('/api/auth/login', { method: 'POST', body: credentials, schema: currentUserSchema }),
    onSuccess: (user) => {
      // Nothing cached under a previous session may show through to the new one.
      queryClient.clear();
      queryClient.setQueryData(queryKeys.currentUser, user);
    },
  });
}
