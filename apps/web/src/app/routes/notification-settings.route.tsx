import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NotificationPreferencesForm } from '../../features/notifications/components/notification-preferences-form';
import { usePageTitle } from '../../lib/page-title';

/** `/notifications/settings`: which notifications the reader sees in the app and gets by e-mail; reached from the bell. */
export function NotificationSettingsRoute() {
  const { t } = useTranslation();
  usePageTitle(t('notifications.settings.title'));
  return (
    <Paper withBorder p="lg" radius="md" maw={640}>
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={1} size="h2">
            {t('notifications.settings.title')}
          </Title>
          <Text size="sm">{t('notifications.settings.intro')}</Text>
        </Stack>
        <NotificationPreferencesForm />
      </Stack>
    </Paper>
  );
}
