import { useMutation, useQueryClient } from '@tanstack/react-query';
import { familyMemberDetailSchema, type NewMember, type UpdateMember } from '@yhdessa/shared';
import { apiRequest } from '../../../lib/api-client';
import { invalidatePlan, queryKeys } from '../../../lib/query-keys';
import { familyPath } from './family.query';

const membersPath = (familyId: string) => `${familyPath(familyId)}/members`;

export type MemberChange = { kind: 'add'; body: NewMember } | { kind: 'update'; memberId: string; body: UpdateMember };

/** Adds a member or corrects one (against the version it was loaded at); the case is read again either way, the plan after a save. */
export function useSaveMember(familyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: MemberChange) =>
      change.kind === 'add'
        ? apiRequest(membersPath(familyId), { method: 'POST', body: change.body, schema: familyMemberDetailSchema })
        : apiRequest(`${membersPath(familyId)}/${encodeURIComponent(change.memberId)}`, {
            method: 'PATCH',
            body: change.body,
            schema: familyMemberDetailSchema,
          }),
    onSuccess: () => invalidatePlan(queryClient, familyId),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.family(familyId) }),
  });
}
