import { queryOptions } from '@tanstack/react-query';
import { declinedInvitationListSchema } from '@yhdessa/shared';
import { apiRequest } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** The invitations services declined, which stay on the plan: for the coordinator with who and why. */
export function declinedInvitationsQueryOptions(familyId: string) {
  return queryOptions({
    queryKey: queryKeys.declinedInvitations(familyId),
    queryFn: async ({ signal }) =>
      (
        await apiRequest(`/api/families/${encodeURIComponent(familyId)}/service-roles/declined`, {
          schema: declinedInvitationListSchema,
          signal,
        })
      ).declinedInvitations,
  });
}
