import type { Note } from '@yhdessa/shared';
import type { NoteRow } from './notes.repository';

export function presentNote(row: NoteRow): Note {
  return {
    id: row.id,
    serviceRoleId: row.serviceRoleId,
    author: { id: row.authorId, name: row.authorName },
    body: row.body,
    visibility: row.visibility,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
