import { Button, Group, Text } from '@mantine/core';
import type { LaterPages } from '../hooks/use-later-pages';

interface ShowMorePagesProps {
  pages: Pick<LaterPages<unknown>, 'hasMore' | 'loading' | 'failed' | 'showMore'>;
  /** "Showing N of M ...", with what comes first. */
  shown: string;
  more: string;
  failed: string;
}

/** Below a table read a page at a time: how many rows are shown of how many, and a button for the next page. */
export function ShowMorePages({ pages, shown, more, failed }: ShowMorePagesProps) {
  return (
    <Group gap="md">
      <Text size="sm" c="dimmed" aria-live="polite">
        {shown}
      </Text>
      {pages.hasMore && (
        <Button variant="default" size="sm" loading={pages.loading} onClick={pages.showMore}>
          {more}
        </Button>
      )}
      {pages.failed && (
        <Text size="sm" c="red" role="alert">
          {failed}
        </Text>
      )}
    </Group>
  );
}
