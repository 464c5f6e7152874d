import { useMutation, useQueryClient } from '@tanstack/react-query';
import { familyConsentsSchema, type ConsentDecision } from '@yhdessa/shared';
import { apiRequest } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** A guardian gives or withdraws one consent; the answer is the family's consents after it. */
export function useDecideConsent(familyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (decision: ConsentDecision) =>
      apiRequest(`/api/families/${encodeURIComponent(familyId)}/consents`, {
        method: 'POST',
        body: decision,
        schema: familyConsentsSchema,
      }),
    onSuccess: (consents) => queryClient.setQueryData(queryKeys.consents(familyId), consents),
  });
}
