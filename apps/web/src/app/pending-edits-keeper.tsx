import { useQueryClient } from '@tanstack/react-query';
import type { CurrentUser } from '@yhdessa/shared';
import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { claimPendingEdits } from '../lib/pending-edits-storage';
import { queryKeys } from '../lib/query-keys';

/**
 * Once an account is fully signed in, the edits waiting in this browser are its own, and are sent:
 * after the page loads, and after signing in again when the session had ended.
 */
export function PendingEditsKeeper() {
  const queryClient = useQueryClient();
  // Follows who is signed in as the cache has it, without asking the server (the screens ask);
  // signing in replaces the cached queries, so a query observer could miss the new account.
  const signedInAccount = () => {
    const user = queryClient.getQueryData<CurrentUser | null>(queryKeys.currentUser);
    return user?.secondFactor === 'done' ? user.id : null;
  };
  const accountId = useSyncExternalStore(
    useCallback((notify: () => void) => queryClient.getQueryCache().subscribe(notify), [queryClient]),
    signedInAccount,
    // The pre-rendered sign-in page (prerender.tsx) and its hydration read the same cache.
    signedInAccount,
  );
  useEffect(() => {
    if (accountId) void claimPendingEdits(queryClient, accountId);
  }, [queryClient, accountId]);
  return null;
}
