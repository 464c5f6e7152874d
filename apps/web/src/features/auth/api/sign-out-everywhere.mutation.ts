import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { forgetPendingEdits } from '../../../lib/pending-edits-storage';
import { queryKeys } from '../../../lib/query-keys';

/** Ends every session of this account, on every device, with their live connections. */
export function useSignOutEverywhere({ onSignedOut }: { onSignedOut?: () => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest('/api/auth/logout-everywhere', { method: 'POST' }),
    // Here rather than in `mutate`: the signed-in screen that asked is gone once the user is null,
    // so the caller hears of it first.
    onSuccess: () => {
      onSignedOut?.();
      forgetPendingEdits(queryClient);
      queryClient.clear();
      queryClient.setQueryData(queryKeys.currentUser, null);
    },
  });
}
