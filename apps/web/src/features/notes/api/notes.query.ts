import { infiniteQueryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { noteListSchema, noteSchema, type CreateNote } from '@yhdessa/shared';
import { apiRequest } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

const notesPath = (familyId: string) => `/api/families/${encodeURIComponent(familyId)}/notes`;

/** Newest first, a page at a time; "older" pages follow `nextBefore`. */
export function notesQueryOptions(familyId: string) {
  return infiniteQueryOptions({
    queryKey: queryKeys.notes(familyId),
    queryFn: ({ pageParam, signal }) =>
      apiRequest(`${notesPath(familyId)}?limit=20${pageParam ? `&before=${encodeURIComponent(pageParam)}` : ''}`, {
        schema: noteListSchema,
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextBefore,
  });
}

export function useCreateNote(familyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateNote) => apiRequest(notesPath(familyId), { method: 'POST', body, schema: noteSchema }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.notes(familyId) }),
  });
}
