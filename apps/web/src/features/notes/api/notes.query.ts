import { infiniteQueryOptions } from '@tanstack/react-query';
import { noteListSchema, noteSchema, type CreateNote, type Note } from '@yhdessa/shared';
import { apiRequest } from '../../../lib/api-client';
import { pendingEditKind } from '../../../lib/pending-edits';
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

export interface NewNote {
  familyId: string;
  body: CreateNote;
}

/** A note may be written without a connection: it waits for it and is sent when it returns (lib/pending-edits.ts). */
export const newNote = pendingEditKind<Note, NewNote>('createNote', (queryClient) => ({
  mutationFn: ({ familyId, body }) => apiRequest(notesPath(familyId), { method: 'POST', body, schema: noteSchema }),
  onSuccess: (_note, { familyId }) => void queryClient.invalidateQueries({ queryKey: queryKeys.notes(familyId) }),
}));
