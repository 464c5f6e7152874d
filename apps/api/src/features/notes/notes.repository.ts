import { and, desc, eq, inArray, isNull, notInArray, or, sql, type SQL } from 'drizzle-orm';
import type { NoteVisibility } from '@yhdessa/shared';
import { accounts } from '../../db/tables/accounts';
import type { Queryable } from '../../db/database';
import { notes } from '../../db/tables/notes';

const noteColumns = {
  id: notes.id,
  familyId: notes.familyId,
  serviceRoleId: notes.serviceRoleId,
  authorId: notes.authorId,
  authorName: accounts.name,
  body: notes.body,
  visibility: notes.visibility,
  version: notes.version,
  createdAt: notes.createdAt,
  updatedAt: notes.updatedAt,
};

export async function findNote(familyId: string, noteId: string, db: Queryable) {
  const [row] = await db
    .select(noteColumns)
    .from(notes)
    .innerJoin(accounts, eq(accounts.id, notes.authorId))
    .where(and(eq(notes.familyId, familyId), eq(notes.id, noteId)));
  return row ?? null;
}

export type NoteRow = NonNullable<Awaited<ReturnType<typeof findNote>>>;

export async function insertNote(
  familyId: string,
  values: { serviceRoleId: string | null; authorId: string; body: string; visibility: NoteVisibility },
  db: Queryable,
) {
  const [row] = await db
    .insert(notes)
    .values({ familyId, ...values })
    .returning({ id: notes.id });
  return (await findNote(familyId, row!.id, db))!;
}

/** Changes the note only if it is still at `basedOnVersion`; null when someone else got there first. */
export async function updateNoteAt(
  familyId: string,
  noteId: string,
  change: { body?: string; visibility?: NoteVisibility; basedOnVersion: number },
  db: Queryable,
) {
  const { basedOnVersion, ...fields } = change;
  const [row] = await db
    .update(notes)
    .set({ ...fields, version: sql`${notes.version} + 1`, updatedAt: new Date() })
    .where(and(eq(notes.familyId, familyId), eq(notes.id, noteId), eq(notes.version, basedOnVersion)))
    .returning({ id: notes.id });
  return row ? findNote(familyId, row.id, db) : null;
}

export interface NoteScope {
  visibility: 'any' | 'family';
  serviceRoleIds: 'any' | readonly string[];
  /** Roles kept from the reader: their notes are left out. */
  hiddenServiceRoleIds: readonly string[];
}

/** One page of the notes the scope lets through, newest first; `before` is the last note of the previous page. */
export async function listNotes(familyId: string, scope: NoteScope, page: { before?: string; limit: number }, db: Queryable) {
  const conditions: Array<SQL | undefined> = [eq(notes.familyId, familyId)];
  if (scope.visibility === 'family') conditions.push(eq(notes.visibility, 'family'));
  if (scope.serviceRoleIds !== 'any')
    conditions.push(scope.serviceRoleIds.length > 0 ? inArray(notes.serviceRoleId, [...scope.serviceRoleIds]) : sql`false`);
  if (scope.hiddenServiceRoleIds.length > 0)
    conditions.push(or(isNull(notes.serviceRoleId), notInArray(notes.serviceRoleId, [...scope.hiddenServiceRoleIds])));
  if (page.before)
    conditions.push(
      sql`(${notes.createdAt}, ${notes.id}) < (select n.created_at, n.id from notes n where n.id = ${page.before} and n.family_id = ${familyId})`,
    );
  return db
    .select(noteColumns)
    .from(notes)
    .innerJoin(accounts, eq(accounts.id, notes.authorId))
    .where(and(...conditions))
    .orderBy(desc(notes.createdAt), desc(notes.id))
    .limit(page.limit);
}
