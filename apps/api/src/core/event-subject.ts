import type { NoteVisibility } from '@yhdessa/shared';

/** What the event names, when that decides who may read it: a note's visibility and service role. */
export interface EventSubject {
  visibility: NoteVisibility;
  serviceRoleId: string | null;
}
