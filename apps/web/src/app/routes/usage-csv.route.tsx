import { Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { currentUserQueryOptions } from '../../features/auth/api/current-user.query';
import { UsageCsvUpload } from '../../features/service-usage/components/usage-csv-upload';
import { usePageTitle } from '../../lib/page-title';
import { NotFoundRoute } from './not-found.route';

/** A worker sends their service's monthly usage of many families as one file. */
export function UsageCsvRoute() {
  const { t } = useTranslation();
  const currentUser = useQuery(currentUserQueryOptions());
  usePageTitle(t('usageCsv.title'));
  if (currentUser.data?.role !== 'worker') return <NotFoundRoute />;
  return (
    <Stack gap="lg" maw={900}>
      <Stack gap={4}>
        <Title order={1}>{t('usageCsv.title')}</Title>
        <Text>{t('usageCsv.intro')}</Text>
      </Stack>
      <UsageCsvUpload />
    </Stack>
  );
}
