import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { familiesQueryKey } from '../features/families/api/families.query';
import { paths } from '../lib/paths';
import type { NavigationState } from './navigation-state';

/**
 * The server took the user out of a family's room: they lost access. Everything cached about
 * the family goes, and the user lands on the family list with a plain notice.
 */
export function useLeaveRevokedFamily(familyId: string): () => void {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useCallback(() => {
    queryClient.removeQueries({ queryKey: ['families', familyId] });
    void queryClient.invalidateQueries({ queryKey: familiesQueryKey });
    const state: NavigationState = { notice: 'familyRevoked' };
    void navigate(paths.families, { replace: true, state });
  }, [queryClient, navigate, familyId]);
}
