import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import {
  serviceInvitationListSchema,
  serviceRoleSummarySchema,
  type AcceptInvitation,
  type DeclineInvitation,
  type ServiceInvitation,
} from '@yhdessa/shared';
import { apiRequest } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export function serviceInvitationsQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.serviceInvitations,
    queryFn: async ({ signal }) =>
      (await apiRequest('/api/service-roles/invitations', { schema: serviceInvitationListSchema, signal })).invitations,
  });
}

function rolePath(invitation: ServiceInvitation, answer: 'accept' | 'decline') {
  return `/api/families/${encodeURIComponent(invitation.familyId)}/service-roles/${encodeURIComponent(invitation.serviceRoleId)}/${answer}`;
}

type Answer =
  | { kind: 'accept'; invitation: ServiceInvitation; body: Omit<AcceptInvitation, 'version'> }
  | { kind: 'decline'; invitation: ServiceInvitation; body: Omit<DeclineInvitation, 'version'> };

/** Accept (naming the responsible worker) or decline (with a reason); either way the lists are asked again. */
export function useAnswerInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, invitation, body }: Answer) =>
      apiRequest(rolePath(invitation, kind), {
        method: 'POST',
        body: { ...body, version: invitation.version },
        schema: serviceRoleSummarySchema,
      }),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.serviceInvitations });
      void queryClient.invalidateQueries({ queryKey: queryKeys.workspace });
      void queryClient.invalidateQueries({ queryKey: queryKeys.allFamilies });
    },
  });
}
