import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ChangePasswordForm } from '../../features/auth/components/change-password-form';
import { usePageTitle } from '../../lib/page-title';

/** `/password`: the signed-in user changes their password. */
export function ChangePasswordRoute() {
  const { t } = useTranslation();
  usePageTitle(t('password.changeTitle'));
  return (
    <Paper withBorder p="lg" radius="md" maw={520}>
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={1} size="h2">
            {t('password.changeTitle')}
          </Title>
          <Text size="sm">{t('password.changeIntro')}</Text>
        </Stack>
        <ChangePasswordForm />
      </Stack>
    </Paper>
  );
}
