import type { NoteVisibility } from '@yhdessa/shared';

/** What the event names, when that decides who may read it: a note's visibility and the service role it belongs to. */
export interface EventSubject {
  /** A note's; other items have none. */
  visibility?: NoteVisibility;
  serviceRoleId: string | null;
  /** Whether the family keeps the role from other services; the request context sets it from the access relation. */
  serviceRoleHidden?: boolean;
}
