import { z } from 'zod';

/** How many rows a page holds when the caller does not say. */
export const DEFAULT_PAGE_SIZE = 25;
/** The most rows one page may hold. */
export const MAX_PAGE_SIZE = 100;

export const pageLimitSchema = z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE);

/**
 * A position in a paged list, opaque to the client: pass a page's `nextCursor` back as `cursor`
 * for the next page, with the same sort. The server refuses one it did not give, or one whose
 * list has changed so that it no longer leads anywhere (400 `validation_failed`, field `query.cursor`).
 */
export const cursorSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9_-]+$/, 'Not a cursor this API gave.');
