import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { currentUserQueryOptions } from '../features/auth/api/current-user.query';
import { claimPendingEdits } from '../lib/pending-edits-storage';

/**
 * Once an account is fully signed in, the edits waiting in this browser are its own, and are sent:
 * after the page loads, and after signing in again when the session had ended.
 */
export function PendingEditsKeeper() {
  const queryClient = useQueryClient();
  // Follows who is signed in without asking the server: the screens ask.
  const user = useQuery({ ...currentUserQueryOptions(), enabled: false }).data;
  const accountId = user?.secondFactor === 'done' ? user.id : null;
  useEffect(() => {
    if (accountId) void claimPendingEdits(queryClient, accountId);
  }, [queryClient, accountId]);
  return null;
}
