import { infiniteQueryOptions } from '@tanstack/react-query';
import { MAX_PAGE_SIZE } from '@yhdessa/shared';
import type { z } from 'zod';
import { apiRequest } from '../../../lib/api-client';

/** A page of a list the server reads by cursor, and how many rows the list has in all. */
export interface CursorPage {
  nextCursor: string | null;
  count: number;
}

/** `path` may carry a query of its own (e.g. a table's year), which every page keeps. */
const pagePath = (path: string, cursor: string | null, limit?: number) => {
  const [bare, own] = path.split('?');
  const query = new URLSearchParams(own);
  if (cursor) query.set('cursor', cursor);
  if (limit) query.set('limit', String(limit));
  const text = query.toString();
  return `${bare}${text ? `?${text}` : ''}`;
};

/**
 * The pages of a list after its first (which came with another answer), from `cursor` (the first
 * page's `nextCursor`): none is read until the reader asks for more (`fetchNextPage`).
 */
export function laterPagesQueryOptions<Page extends CursorPage>(
  queryKey: readonly unknown[],
  path: string,
  schema: z.ZodType<Page>,
  cursor: string | null,
) {
  return infiniteQueryOptions({
    queryKey,
    queryFn: ({ pageParam, signal }) => apiRequest(pagePath(path, pageParam), { schema, signal }),
    initialPageParam: cursor,
    getNextPageParam: (last) => last.nextCursor,
    enabled: false,
  });
}

/** Every page of a list, in the largest pages: for a file that holds all its rows. */
export async function fetchEveryPage<Page extends CursorPage>(path: string, schema: z.ZodType<Page>): Promise<Page[]> {
  const pages: Page[] = [];
  let cursor: string | null = null;
  do {
    const page: Page = await apiRequest(pagePath(path, cursor, MAX_PAGE_SIZE), { schema });
    pages.push(page);
    cursor = page.nextCursor;
  } while (cursor);
  return pages;
}
