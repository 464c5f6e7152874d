import { useMutation } from '@tanstack/react-query';
import { createdInvitationSchema, type CreateInvitation } from '@yhdessa/shared';
import { apiRequest } from '../../../lib/api-client';

type FamilyMemberInvitation = Extract<CreateInvitation, { kind: 'family-member' }>;

/** The link goes to the member's mailbox only; the answer says until when it works. */
export function useInviteFamilyMember() {
  return useMutation({
    mutationFn: (body: FamilyMemberInvitation) =>
      apiRequest('/api/invitations', { method: 'POST', body, schema: createdInvitationSchema }),
  });
}
