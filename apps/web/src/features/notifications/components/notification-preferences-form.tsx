import { Alert, Button, Checkbox, Fieldset, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { NotificationPreference } from '@yhdessa/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/error-state';
import { LoadingState } from '../../../components/loading-state';
import { SaveError } from '../../../components/save-error';
import { notificationPreferencesQueryOptions, useUpdateNotificationPreferences } from '../api/notifications.query';

/** Per kind the reader's role receives: shown in the app, and counted in the daily e-mail digest. */
export function NotificationPreferencesForm() {
  const { t } = useTranslation();
  const stored = useQuery(notificationPreferencesQueryOptions());
  if (stored.isPending) return <LoadingState />;
  if (stored.isError) return <ErrorState title={t('notifications.settings.loadFailed')} onRetry={() => void stored.refetch()} />;
  return <PreferencesFields initial={stored.data.preferences} />;
}

function PreferencesFields({ initial }: { initial: NotificationPreference[] }) {
  const { t } = useTranslation();
  const [preferences, setPreferences] = useState(initial);
  const update = useUpdateNotificationPreferences();
  const change = (kind: NotificationPreference['kind'], field: 'inApp' | 'emailDigest', value: boolean) => {
    update.reset();
    setPreferences((current) => current.map((each) => (each.kind === kind ? { ...each, [field]: value } : each)));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate({ preferences });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {preferences.map((preference) => (
          <Fieldset key={preference.kind} legend={t(`notifications.settings.kind.${preference.kind}`)} variant="default">
            <Group gap="lg" wrap="wrap">
              <Checkbox
                label={t('notifications.settings.inApp')}
                checked={preference.inApp}
                onChange={(event) => change(preference.kind, 'inApp', event.currentTarget.checked)}
                styles={{ body: { minHeight: 44, alignItems: 'center' } }}
              />
              <Checkbox
                label={t('notifications.settings.emailDigest')}
                checked={preference.emailDigest}
                onChange={(event) => change(preference.kind, 'emailDigest', event.currentTarget.checked)}
                styles={{ body: { minHeight: 44, alignItems: 'center' } }}
              />
            </Group>
          </Fieldset>
        ))}
        <Text size="sm">{t('notifications.settings.digestNote')}</Text>
        {update.isError && <SaveError error={update.error} />}
        {update.isSuccess && (
          <Alert color="green" variant="light" role="status">
            {t('notifications.settings.saved')}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={update.isPending}>
            {t('notifications.settings.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
