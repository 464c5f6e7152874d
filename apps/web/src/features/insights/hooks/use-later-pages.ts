import { useInfiniteQuery } from '@tanstack/react-query';
import type { CursorPage, laterPagesQueryOptions } from '../api/later-pages';

/**
 * The rows of a paged list read so far (its first page came with another answer), how many there
 * are in all, and a way to read the next page (`laterPagesQueryOptions` of the first page's cursor).
 */
export function useLaterPages<Page extends CursorPage, Item>(
  first: Page,
  options: ReturnType<typeof laterPagesQueryOptions<Page>>,
  itemsOf: (page: Page) => Item[],
) {
  const more = useInfiniteQuery(options);
  const pages = [first, ...(more.data?.pages ?? [])];
  const last = pages.at(-1)!;
  return {
    items: pages.flatMap(itemsOf),
    count: last.count,
    hasMore: last.nextCursor !== null,
    loading: more.isFetching,
    failed: more.isError,
    showMore: () => void more.fetchNextPage(),
  };
}
export type LaterPages<Item> = ReturnType<typeof useLaterPages<CursorPage, Item>>;
