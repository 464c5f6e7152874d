import { queryOptions, useMutation } from '@tanstack/react-query';
import { invitationDetailsSchema } from '@yhdessa/shared';
import { apiRequest } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** Public: the link is the invited person's only key. */
export function invitationQueryOptions(token: string) {
  return queryOptions({
    queryKey: queryKeys.invitation(token),
    queryFn: ({ signal }) =>
      apiRequest(`/api/invitations/${encodeURIComponent(token)}`, { schema: invitationDetailsSchema, signal }),
    staleTime: 0,
  });
}

/** Sets the password; the link works once. */
export function useAcceptInvitation(token: string) {
  return useMutation({
    mutationFn: (password: string) =>
      apiRequest(`/api/invitations/${encodeURIComponent(token)}/accept`, { method: 'POST', body: { password } }),
  });
}
