import {
  createNoteSchema,
  familyParamsSchema,
  noteListQuerySchema,
  noteListSchema,
  noteParamsSchema,
  noteSchema,
  updateNoteSchema,
} from '@yhdessa/shared';
import { defineRoute } from '../../http/route';
import { createNote, readNotes, updateNote } from './notes.service';

export const notesRoutes = [
  defineRoute({
    method: 'get',
    path: '/families/:familyId/notes',
    summary: 'Progress notes, newest first, as far as the caller may read them',
    tag: 'notes',
    access: { kind: 'family' },
    params: familyParamsSchema,
    query: noteListQuerySchema,
    response: { status: 200, schema: noteListSchema, description: 'One page of notes' },
    handler: ({ params, query }, context) => readNotes(params, query, context),
  }),
  defineRoute({
    method: 'post',
    path: '/families/:familyId/notes',
    summary: "Write a progress note on a service's role (or the plan), for professionals only or for the family too",
    tag: 'notes',
    access: { kind: 'family' },
    params: familyParamsSchema,
    body: createNoteSchema,
    response: { status: 201, schema: noteSchema, description: 'The new note' },
    errors: [403, 409],
    handler: ({ params, body }, context) => createNote(params.familyId, body, context),
  }),
  defineRoute({
    method: 'patch',
    path: '/families/:familyId/notes/:noteId',
    summary: 'The author corrects their own note (based on the version they saw)',
    tag: 'notes',
    access: { kind: 'family' },
    params: noteParamsSchema,
    body: updateNoteSchema,
    response: { status: 200, schema: noteSchema, description: 'The updated note' },
    errors: [403, 409],
    handler: ({ params, body }, context) => updateNote(params, body, context),
  }),
];
