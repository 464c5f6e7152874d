import { Button } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import type { WorkspaceAction, WorkspaceActionPage } from '@yhdessa/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/error-state';
import { workspaceActionsQueryOptions } from '../api/workspace.query';

interface WorkspaceActionsProps {
  /** The workspace's own first page, and when it was read. */
  first: WorkspaceActionPage;
  firstReadAt: number;
  /** The agenda section, given the actions read so far, how many there are, and the last item of its list, "show more". */
  children: (actions: WorkspaceAction[], count: number, more: ReactNode) => ReactNode;
}

/** The actions that need the user, the workspace's first few and then a page more at a time. */
export function WorkspaceActions({ first, firstReadAt, children }: WorkspaceActionsProps) {
  const { t } = useTranslation();
  const pages = useInfiniteQuery(workspaceActionsQueryOptions(first, firstReadAt));
  const readAgainFromStart = async () => {
    if ((await pages.refetch()).isSuccess) await pages.fetchNextPage();
  };
  const seen = new Set<string>();
  const loaded = pages.data?.pages ?? [first];
  const actions = loaded
    .flatMap((page) => page.actions)
    .filter(({ action }) => !seen.has(action.id) && Boolean(seen.add(action.id)));
  const more = pages.isFetchNextPageError ? (
    <li>
      <ErrorState title={t('familyList.moreActionsError')} onRetry={() => void readAgainFromStart()} />
    </li>
  ) : pages.hasNextPage ? (
    <li>
      <Button
        variant="subtle"
        size="compact-sm"
        px={0}
        loading={pages.isFetchingNextPage}
        onClick={() => void pages.fetchNextPage()}
      >
        {t('familyList.showMore')}
      </Button>
    </li>
  ) : null;
  return children(actions, loaded.at(-1)?.count ?? first.count, more);
}
