import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { handoverCandidatesSchema, handoverSchema, type Handover, type RequestHandover } from '@yhdessa/shared';
import { apiRequest, isApiError } from '../../../lib/api-client';
import { familiesQueryKey } from './families.query';
import { familyPath, familyQueryKey } from './family.query';

/** The pending handover: all its named new coordinator may see of the case before accepting. */
export const handoverQueryKey = (familyId: string) => ['families', familyId, 'handover'] as const;

const handoverPath = (familyId: string) => `${familyPath(familyId)}/handover`;

export function handoverQueryOptions(familyId: string) {
  return queryOptions({
    queryKey: handoverQueryKey(familyId),
    queryFn: ({ signal }) => apiRequest(handoverPath(familyId), { schema: handoverSchema, signal }),
  });
}

/** The coordinators the case may be handed to. */
export function handoverCandidatesQueryOptions(familyId: string) {
  return queryOptions({
    queryKey: [...handoverQueryKey(familyId), 'candidates'] as const,
    queryFn: async ({ signal }) =>
      (await apiRequest(`${handoverPath(familyId)}/candidates`, { schema: handoverCandidatesSchema, signal })).coordinators,
  });
}

export type HandoverChange =
  | { kind: 'request'; body: RequestHandover }
  /** `decline` is the named coordinator saying no, or the current one withdrawing the request. */
  | { kind: 'accept' | 'decline'; version: number };

/** Proposes, accepts, declines or withdraws a handover; everything that shows who coordinates is read again. */
export function useChangeHandover(familyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: HandoverChange) =>
      change.kind === 'request'
        ? apiRequest(handoverPath(familyId), { method: 'POST', body: change.body, schema: handoverSchema })
        : apiRequest(`${handoverPath(familyId)}/${change.kind}`, {
            method: 'POST',
            body: { version: change.version },
            schema: handoverSchema,
          }),
    // The answer is the handover as it is now; the target's screen is drawn from it.
    onSuccess: (handover: Handover) => queryClient.setQueryData(handoverQueryKey(familyId), handover),
    onError: (error) => {
      const current = isApiError(error, 'version_conflict') ? handoverSchema.safeParse(error.current) : null;
      if (current?.success) queryClient.setQueryData(handoverQueryKey(familyId), current.data);
    },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: familiesQueryKey });
      void queryClient.invalidateQueries({ queryKey: ['workspace'] });
      void queryClient.invalidateQueries({ queryKey: familyQueryKey(familyId) });
    },
  });
}
