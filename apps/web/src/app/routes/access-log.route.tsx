import { Stack, Text, Title } from '@mantine/core';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorState } from '../../components/error-state';
import { LoadingState } from '../../components/loading-state';
import { accessLogQueryOptions } from '../../features/access-log/api/access-log.query';
import { AccessLogList } from '../../features/access-log/components/access-log-list';
import { currentUserQueryOptions } from '../../features/auth/api/current-user.query';
import { isApiError } from '../../lib/api-client';
import { usePageTitle } from '../../lib/page-title';
import { BackToPlanLink } from '../family-page-back-link';

/** "Kuka on katsonut tietojamme": every read and change of the family's data, newest first, refusals marked. */
export function AccessLogRoute() {
  const { t } = useTranslation();
  const { familyId = '' } = useParams();
  const currentUser = useQuery(currentUserQueryOptions());
  const log = useInfiniteQuery(accessLogQueryOptions(familyId));
  const title = currentUser.data?.role === 'family' ? t('accessLog.titleFamily') : t('accessLog.titleProfessional');
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

  return (
    <Stack gap="lg" maw={860}>
      {header}
      <AccessLogList
        entries={log.data.pages.flatMap((page) => page.entries)}
        hasOlder={log.hasNextPage}
        loadingOlder={log.isFetchingNextPage}
        onShowOlder={() => void log.fetchNextPage()}
      />
      {log.isFetchNextPageError && <ErrorState title={t('accessLog.loadFailed')} onRetry={() => void log.fetchNextPage()} />}
    </Stack>
  );
}
