import { useMutation, useQueryClient } from '@tanstack/react-query';
import { familyDetailSchema, type CreateFamily } from '@yhdessa/shared';
import { apiRequest } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** Opens a case; a `possible_duplicate` refusal comes back as an ApiError for the form to show. */
export function useCreateFamily() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateFamily) => apiRequest('/api/families', { method: 'POST', body, schema: familyDetailSchema }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.allFamilies });
      void queryClient.invalidateQueries({ queryKey: queryKeys.workspace });
    },
  });
}
