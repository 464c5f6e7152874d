import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createdInvitationSchema, type CreateInvitation } from '@yhdessa/shared';
import { apiRequest } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export type WorkerInvitation = Extract<CreateInvitation, { kind: 'worker' }>;

/** The administrator adds a person to a service: a new address gets a link by mail, a worker who signs in already joins at once. */
export function useAddWorker() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: WorkerInvitation) =>
      apiRequest('/api/invitations', { method: 'POST', body, schema: createdInvitationSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.accounts }),
  });
}
