/** A socket in a family's room as presence needs it, whichever instance holds it: who it is and the rooms its access put it in. */
export interface PresentSocket {
  accountId: string;
  name: string;
  rooms: ReadonlySet<string>;
}
