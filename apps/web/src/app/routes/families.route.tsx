import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FamilyList } from '../../features/families/components/family-list';
import { usePageTitle } from '../../lib/page-title';

export function FamiliesRoute() {
  const { t } = useTranslation();
  usePageTitle(t('families.title'));
  return (
    <Stack gap="md">
      <Title order={1}>{t('families.title')}</Title>
      <FamilyList />
    </Stack>
  );
}
