import type { CreateNote, FamilyParams, Note, NoteList, NoteListQuery, NoteParams, UpdateNote } from '@yhdessa/shared';
import { noteReadable, readableNotes } from '../../access/family-policy';
import { refuseUnseen, requireFamilyPermission } from '../../access/require-family-permission';
import { changeVersioned } from '../../http/versioned-change';
import { AppError, notFound } from '../../core/app-error';
import type { RouteContext } from '../../http/route';
import { findServiceRole } from '../service-roles';
import { presentNote } from './note.presenter';
import { findNote, insertNote, listNotes, updateNoteAt, type NoteRow } from './notes.repository';

type FamilyContext = RouteContext<{ kind: 'family' }>;

function canRead(note: NoteRow, context: FamilyContext): boolean {
  return noteReadable(context.actor, context.family.relation, note);
}

/** A service writes on its own role; the coordinator anywhere; the family only notes it can read itself. */
export async function createNote(familyId: string, body: CreateNote, context: FamilyContext): Promise<Note> {
  if (body.serviceRoleId && !(await findServiceRole(familyId, body.serviceRoleId, context.tx)))
    throw new AppError('validation_failed', 'No such service role in this plan.', {
      errors: [{ path: 'body.serviceRoleId', message: 'No such service role in this plan' }],
    });
  const basis = requireFamilyPermission(context, 'note:create', {
    resource: 'note',
    resourceId: body.serviceRoleId ?? familyId,
    target: { serviceRoleId: body.serviceRoleId, visibility: body.visibility },
    forbiddenDetail: "You can write notes only on your own service's role; the family writes notes the family can see.",
  });
  const note = await insertNote(familyId, { ...body, authorId: context.actor.accountId }, context.tx);
  await context.audit({
    familyId,
    action: 'create',
    resource: 'note',
    resourceId: note.id,
    outcome: 'allowed',
    basis,
    detail: { visibility: note.visibility },
  });
  await context.recordFamilyEvent({ type: 'note.created', familyId, id: note.id, version: note.version }, note);
  return presentNote(note);
}

/** Newest first, as far as the caller may read. */
export async function readNotes({ familyId }: FamilyParams, query: NoteListQuery, context: FamilyContext): Promise<NoteList> {
  const basis = requireFamilyPermission(context, 'note:read', { resource: 'note', resourceId: familyId });
  const scope = readableNotes(context.actor, context.family.relation);
  const rows = await listNotes(familyId, scope, { before: query.before, limit: query.limit + 1 }, context.tx);
  const page = rows.slice(0, query.limit);
  await context.audit({
    familyId,
    action: 'read',
    resource: 'note',
    resourceId: familyId,
    outcome: 'allowed',
    basis,
    detail: { count: page.length, scope: { visibility: scope.visibility, serviceRoles: scope.serviceRoleIds } },
  });
  return { notes: page.map(presentNote), nextBefore: rows.length > query.limit ? page.at(-1)!.id : null };
}

/** The author corrects their own note. */
export async function updateNote({ familyId, noteId }: NoteParams, { version, ...change }: UpdateNote, context: FamilyContext) {
  const note = await findNote(familyId, noteId, context.tx);
  if (!note) throw notFound('note');
  if (!canRead(note, context)) throw refuseUnseen(context, { resource: 'note', resourceId: noteId });
  const basis = requireFamilyPermission(context, 'note:update', {
    resource: 'note',
    resourceId: noteId,
    target: { authorId: note.authorId },
    forbiddenDetail: 'Only the author can change a note.',
  });
  // The note as changed must still be one its author may write (the family cannot hide one from itself).
  requireFamilyPermission(context, 'note:create', {
    resource: 'note',
    resourceId: noteId,
    target: { serviceRoleId: note.serviceRoleId, visibility: change.visibility ?? note.visibility },
    forbiddenDetail: 'You cannot give this note that visibility.',
  });
  const updated = await changeVersioned(context, {
    familyId,
    resource: 'note',
    resourceId: noteId,
    versionNow: note.version,
    basedOn: version,
    update: () => updateNoteAt(familyId, noteId, { ...change, basedOnVersion: version }, context.tx),
    current: async () => presentNote((await findNote(familyId, noteId, context.tx)) ?? note),
    basis,
    detail: () => ({ fields: Object.keys(change) }),
    // Who hears of it follows the note's visibility after the change.
    event: { type: 'note.updated', subject: (after) => after },
  });
  return presentNote(updated);
}
