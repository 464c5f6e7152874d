import { Stack, Switch, Text, Title } from '@mantine/core';
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { AccessLogQuery } from '@yhdessa/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorState } from '../../components/error-state';
import { LoadingState } from '../../components/loading-state';
import { accessLogQueryOptions } from '../../features/access-log/api/access-log.query';
import { AccessLogGroups } from '../../features/access-log/components/access-log-groups';
import { currentUserQueryOptions } from '../../features/auth/api/current-user.query';
import { isApiError } from '../../lib/api-client';
import { usePageTitle } from '../../lib/page-title';
import { BackToPlanLink } from '../family-page-back-link';

/**
 * "Kuka on katsonut tietojamme": one line per person and day, newest first, refusals marked. A
 * family member sees others' use; their own shows when they ask, the coordinator sees it all.
 */
export function AccessLogRoute() {
  const { t } = useTranslation();
  const { familyId = '' } = useParams();
  const currentUser = useQuery(currentUserQueryOptions());
  const [own, setOwn] = useState<AccessLogQuery['own']>();
  // The old page stays while the other view loads, so the switch keeps its place and focus.
  const log = useInfiniteQuery({ ...accessLogQueryOptions(familyId, own), placeholderData: keepPreviousData });
  const isFamily = currentUser.data?.role === 'family';
  const title = isFamily ? t('accessLog.titleFamily') : t('accessLog.titleProfessional');
  usePageTitle(title);

  const header = (
    <Stack gap={4}>
      <div>
        <BackToPlanLink familyId={familyId} />
      </div>
      <Title order={1}>{title}</Title>
      <Text>{t('accessLog.intro')}</Text>
    </Stack>
  );

  if (log.isPending) return <LoadingState />;
  if (log.isError && !log.data) {
    const hidden = isApiError(log.error, 'not_found') || isApiError(log.error, 'validation_failed');
    return (
      <Stack gap="md" maw={860}>
        {header}
        <ErrorState
          title={hidden ? t('accessLog.notFound') : t('accessLog.loadFailed')}
          onRetry={hidden ? undefined : () => void log.refetch()}
        />
      </Stack>
    );
  }

  const shownOwn = own ?? log.data.pages[0]?.own ?? 'hide';
  return (
    <Stack gap="lg" maw={860}>
      {header}
      {/* The hint stands apart from the label: Mantine's label would read it as part of the switch's name. */}
      <Stack gap={4}>
        <Switch
          size="md"
          label={isFamily ? t('accessLogGroups.showOwnFamily') : t('accessLogGroups.showOwnProfessional')}
          checked={shownOwn === 'show'}
          onChange={(event) => setOwn(event.currentTarget.checked ? 'show' : 'hide')}
        />
        {isFamily && shownOwn === 'hide' && (
          <Text size="sm" c="dimmed">
            {t('accessLogGroups.showOwnFamilyHint')}
          </Text>
        )}
      </Stack>
      <AccessLogGroups
        groups={log.data.pages.flatMap((page) => page.groups)}
        ownHidden={isFamily && shownOwn === 'hide'}
        hasOlder={log.hasNextPage}
        loadingOlder={log.isFetchingNextPage}
        onShowOlder={() => void log.fetchNextPage()}
      />
      {log.isFetchNextPageError && <ErrorState title={t('accessLog.loadFailed')} onRetry={() => void log.fetchNextPage()} />}
    </Stack>
  );
}
