import { Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/error-state';
import { LoadingState } from '../../components/loading-state';
import { currentUserQueryOptions } from '../../features/auth/api/current-user.query';
import { referenceCostsQueryOptions } from '../../features/reference-costs/api/reference-costs.query';
import { ReferenceCostsTable } from '../../features/reference-costs/components/reference-costs-form';
import { usePageTitle } from '../../lib/page-title';
import { NotFoundRoute } from './not-found.route';

/** Managers and administrators keep the yearly reference costs of heavy services, with their history. */
export function ReferenceCostsRoute() {
  const { t } = useTranslation();
  const currentUser = useQuery(currentUserQueryOptions());
  const referenceCosts = useQuery(referenceCostsQueryOptions());
  usePageTitle(t('referenceCosts.title'));
  const role = currentUser.data?.role;
  if (role !== 'manager' && role !== 'admin') return <NotFoundRoute />;
  return (
    <Stack gap="lg" maw={760}>
      <Stack gap={4}>
        <Title order={1}>{t('referenceCosts.title')}</Title>
        <Text>{t('referenceCosts.intro')}</Text>
      </Stack>
      {referenceCosts.isPending ? (
        <LoadingState />
      ) : referenceCosts.isError ? (
        <ErrorState title={t('referenceCosts.loadFailed')} onRetry={() => void referenceCosts.refetch()} />
      ) : (
        <ReferenceCostsTable referenceCosts={referenceCosts.data} />
      )}
    </Stack>
  );
}
