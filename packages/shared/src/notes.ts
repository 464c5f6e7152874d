import { z } from 'zod';
import { idSchema, isoDateTimeSchema, versionSchema } from './ids';
import { personRefSchema } from './families';

/** Who may read a note: professionals only, or the family too. */
export const noteVisibilities = ['professionals', 'family'] as const;
export const noteVisibilitySchema = z.enum(noteVisibilities);
export type NoteVisibility = z.infer<typeof noteVisibilitySchema>;

export const noteParamsSchema = z.strictObject({ familyId: idSchema, noteId: idSchema });
export type NoteParams = z.infer<typeof noteParamsSchema>;

/** A progress entry (kirjaus). */
export const noteSchema = z.object({
  id: idSchema,
  /** The service role it is written on; null for the coordinator's or the family's own notes. */
  serviceRoleId: idSchema.nullable(),
  author: personRefSchema,
  body: z.string(),
  visibility: noteVisibilitySchema,
  version: versionSchema,
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
});
export type Note = z.infer<typeof noteSchema>;

/** The longest note: about two pages; a longer account belongs in the service's own records. */
export const NOTE_BODY_MAX_LENGTH = 5_000;
const noteBody = z.string().trim().min(1).max(NOTE_BODY_MAX_LENGTH);

export const createNoteSchema = z.strictObject({
  serviceRoleId: idSchema.nullable(),
  body: noteBody,
  visibility: noteVisibilitySchema,
});
export type CreateNote = z.infer<typeof createNoteSchema>;

export const updateNoteSchema = z.strictObject({
  body: noteBody.optional(),
  visibility: noteVisibilitySchema.optional(),
  version: versionSchema,
});
export type UpdateNote = z.infer<typeof updateNoteSchema>;

export const noteListQuerySchema = z.strictObject({
  /** Page backwards: notes older than the note with this id. */
  before: idSchema.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type NoteListQuery = z.infer<typeof noteListQuerySchema>;

export const noteListSchema = z.object({
  /** Newest first. */
  notes: z.array(noteSchema),
  /** Pass as `before` for the next (older) page; null at the end. */
  nextBefore: idSchema.nullable(),
});
export type NoteList = z.infer<typeof noteListSchema>;
