import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { handoverCandidatesSchema, handoverSchema, type Handover, type RequestHandover } from '@yhdessa/shared';
import { apiRequest, isApiError } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import { familyPath } from './family.query';

const handoverPath = (familyId: string) => `${familyPath(familyId)}/handover`;

export function handoverQueryOptions(familyId: string) {
  return queryOptions({
    queryKey: queryKeys.handover(familyId),
    queryFn: ({ signal }) => apiRequest(handoverPath(familyId), { schema: handoverSchema, signal }),
  });
}

/** The coordinators the case may be handed to. */
export function handoverCandidatesQueryOptions(familyId: string) {
  return queryOptions({
    queryKey: queryKeys.handoverCandidates(familyId),
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
    onSuccess: (handover: Handover, change) => {
      queryClient.setQueryData(queryKeys.handover(familyId), handover);
      // The new coordinator may now read the plan.
      if (change.kind === 'accept') void queryClient.invalidateQueries({ queryKey: queryKeys.plan(familyId) });
    },
    onError: (error) => {
      const current = isApiError(error, 'version_conflict') ? handoverSchema.safeParse(error.current) : null;
      if (current?.success) queryClient.setQueryData(queryKeys.handover(familyId), current.data);
    },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.families });
      void queryClient.invalidateQueries({ queryKey: queryKeys.workspace });
      void queryClient.invalidateQueries({ queryKey: queryKeys.family(familyId) });
    },
  });
}
