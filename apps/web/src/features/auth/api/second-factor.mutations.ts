import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  currentUserSchema,
  recoveryCodesSchema,
  secondFactorEnrolmentSchema,
  type CurrentUser,
  type VerifySecondFactor,
} from '@yhdessa/shared';
import { apiRequest, isApiError } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** Step 1 of setting up the authenticator app: a new secret from the server. */
export function useEnrolSecondFactor() {
  return useMutation({
    mutationFn: () => apiRequest('/api/auth/second-factor/enrol', { method: 'POST', schema: secondFactorEnrolmentSchema }),
  });
}

/** Step 2: the first code turns the second factor on and passes this session; recovery codes come once. */
export function useConfirmSecondFactor() {
  return useMutation({
    mutationFn: (code: string) =>
      apiRequest('/api/auth/second-factor/confirm', { method: 'POST', body: { code }, schema: recoveryCodesSchema }),
  });
}

/** Signing in with a code from the app or with a recovery code. */
export function useVerifySecondFactor({ onSessionEnded }: { onSessionEnded?: () => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: VerifySecondFactor) =>
      apiRequest('/api/auth/second-factor/verify', { method: 'POST', body: input, schema: currentUserSchema }),
    onSuccess: (user) => queryClient.setQueryData(queryKeys.currentUser, user),
    // Too many wrong codes end the session on the server.
    onError: (error) => {
      if (isApiError(error, 'unauthenticated')) onSessionEnded?.();
    },
  });
}

/** After the recovery codes are saved, the session counts as signed in. */
export function markSecondFactorDone(queryClient: ReturnType<typeof useQueryClient>): void {
  queryClient.setQueryData<CurrentUser | null>(queryKeys.currentUser, (user) =>
    user ? { ...user, secondFactor: 'done' } : user,
  );
  void queryClient.invalidateQueries({ queryKey: queryKeys.currentUser });
}
