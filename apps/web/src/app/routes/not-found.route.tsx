import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../../lib/page-title';
import { paths } from '../../lib/paths';

export function NotFoundRoute() {
  const { t } = useTranslation();
  usePageTitle(t('app.notFoundTitle'));
  return (
    <Stack gap="sm">
      <Title order={1}>{t('app.notFoundTitle')}</Title>
      <Text>{t('app.notFoundText')}</Text>
      <Anchor component={Link} to={paths.families}>
        {t('app.backToFamilies')}
      </Anchor>
    </Stack>
  );
}
