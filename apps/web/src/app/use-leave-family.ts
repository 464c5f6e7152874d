import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { paths } from '../lib/paths';
import { queryKeys } from '../lib/query-keys';
import type { NavigationState } from './navigation-state';

/**
 * The server took the user out of a family's room: they lost access. Everything cached about
 * the family goes, and the user lands on the family list with a plain notice.
 */
export function useLeaveRevokedFamily(familyId: string): () => void {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useCallback(() => {
    queryClient.removeQueries({ queryKey: queryKeys.familyAll(familyId) });
    void queryClient.invalidateQueries({ queryKey: queryKeys.families });
    const state: NavigationState = { notice: 'familyRevoked' };
    void navigate(paths.families, { replace: true, state });
  }, [queryClient, navigate, familyId]);
}
