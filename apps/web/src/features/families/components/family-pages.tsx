import { Button, Group, Stack, Text } from '@mantine/core';
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import type { FamilyList, FamilySummary } from '@yhdessa/shared';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/error-state';
import { FamilyGrid } from './family-grid';

interface FamilyPagesProps {
  pages: UseInfiniteQueryResult<InfiniteData<FamilyList>>;
  emptyTitle: string;
  emptyDescription: string;
  /** The list is being read again for another search or sort; the previous one stays meanwhile. */
  updating?: boolean;
}

/**
 * The pages of a family list read so far, as one grid: how many there are and how many need the
 * user, then the cards, then "show more" while there are more. A family that moved between two
 * pages (its state changed meanwhile) is shown once.
 */
export function FamilyPages({ pages, emptyTitle, emptyDescription, updating = false }: FamilyPagesProps) {
  const { t } = useTranslation();
  const loaded = pages.data?.pages ?? [];
  // Every page counts the whole list; the newest page's counts are the freshest.
  const latest = loaded.at(-1);
  const readAgainFromStart = async () => {
    if ((await pages.refetch()).isSuccess) await pages.fetchNextPage();
  };
  const seen = new Set<string>();
  const families: FamilySummary[] = loaded
    .flatMap((page) => page.families)
    .filter((family) => !seen.has(family.id) && Boolean(seen.add(family.id)));
  if (!latest) return null;
  const professional = families.some((family) => family.attention !== null);
  return (
    <Stack gap="sm" aria-busy={updating || pages.isFetchingNextPage}>
      <Group gap="md" aria-live="polite">
        <Text size="sm" c="dimmed">
          {families.length < latest.count
            ? t('familyList.shownOf', { shown: families.length, count: latest.count })
            : t('workspace.familyCount', { count: latest.count })}
        </Text>
        {professional && latest.attentionCount > 0 && (
          <Text size="sm" fw={600}>
            {t('familyList.attentionCount', { count: latest.attentionCount })}
          </Text>
        )}
      </Group>
      <FamilyGrid families={families} emptyTitle={emptyTitle} emptyDescription={emptyDescription} />
      {pages.hasNextPage && !pages.isFetchNextPageError && (
        <Group justify="center">
          <Button variant="default" loading={pages.isFetchingNextPage} onClick={() => void pages.fetchNextPage()}>
            {t('familyList.showMore')}
          </Button>
        </Group>
      )}
      {/* A list may have changed under its cursor: it is read again from its start, then one page more. */}
      {pages.isFetchNextPageError && <ErrorState title={t('familyList.moreError')} onRetry={() => void readAgainFromStart()} />}
    </Stack>
  );
}
