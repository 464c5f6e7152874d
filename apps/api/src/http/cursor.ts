import { z } from 'zod';
import { AppError } from '../core/app-error';

/**
 * The one cursor of the API's paged lists (keyset paging, never OFFSET). It names the last row of
 * a page by id, and the order the list was in; the next page continues after that row's place in
 * the list as it is now. It carries nothing of the row's content, so no family's name reaches a
 * URL or a log, and a reader can aim it only at rows of their own list: the row is looked up
 * among them. Base64url JSON, opaque to the client.
 */
const cursorContentSchema = z.strictObject({ order: z.string().min(1).max(40), after: z.string().min(1).max(100) });

/** A row's id; a list of rows that must not be told apart by id (a coordinator's caseload) keys them by rank. */
const rowIdSchema = z.uuid();

export interface CursorContent {
  /** The list and sort the cursor belongs to, e.g. `families:name`. */
  order: string;
  /** The key of the page's last row: its id, unless the list says otherwise. */
  after: string;
}

export function encodeCursor(content: CursorContent): string {
  return Buffer.from(JSON.stringify(content), 'utf8').toString('base64url');
}

const invalidCursor = (message: string) =>
  new AppError('validation_failed', 'The request query has 1 problem(s).', { errors: [{ path: 'query.cursor', message }] });

/**
 * The key (by default the row id) the page continues after; a cursor of another list or sort, or
 * not one of ours, answers 400.
 */
export function decodeCursor(cursor: string, order: string, key: z.ZodType<string> = rowIdSchema): string {
  let content: unknown;
  try {
    content = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor('Not a cursor this API gave.');
  }
  const parsed = cursorContentSchema.safeParse(content);
  if (!parsed.success) throw invalidCursor('Not a cursor this API gave.');
  if (parsed.data.order !== order)
    throw invalidCursor('The cursor belongs to another list or sort order; start from the first page of this one.');
  if (!key.safeParse(parsed.data.after).success) throw invalidCursor('Not a cursor this API gave.');
  return parsed.data.after;
}

/** The row a cursor continues after has left the list (or never was in the reader's list): start again. */
export function cursorLeadsNowhere(): AppError {
  return invalidCursor(
    'The list has changed: the row this cursor continues after is no longer in it. Start from the first page.',
  );
}

/** A page from `limit + 1` rows read in order: the extra row only tells that there is a next page. */
export function pageOf<T extends { id: string }>(
  rows: T[],
  limit: number,
  order: string,
): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor({ order, after: last.id }) : null };
}

/** A list computed whole and kept in memory (the manager's figures), in the order its pages follow. */
export interface KeptList<T> {
  items: readonly T[];
  /** The list and sort, as its cursors name it. */
  order: string;
  /** Each item's key, as a cursor names it: by default `z.uuid()`. */
  keySchema?: z.ZodType<string>;
  keyOf: (item: T) => string;
  /** The item's place in `items`; undefined when no item has the key (any more). */
  placeOf: (key: string) => number | undefined;
}

/** A page of a kept list, after the cursor's item in the list as it is now; a stale or foreign cursor answers 400. */
export function pageOfKeptList<T>(
  list: KeptList<T>,
  query: { cursor?: string; limit: number },
): { items: T[]; nextCursor: string | null; count: number } {
  let start = 0;
  if (query.cursor) {
    const at = list.placeOf(decodeCursor(query.cursor, list.order, list.keySchema));
    if (at === undefined) throw cursorLeadsNowhere();
    start = at + 1;
  }
  const rows = list.items.slice(start, start + query.limit + 1).map((item) => ({ id: list.keyOf(item), item }));
  const { items, nextCursor } = pageOf(rows, query.limit, list.order);
  return { items: items.map(({ item }) => item), nextCursor, count: list.items.length };
}
