import { Alert, Button, Checkbox, Group, Stack, Table, Text } from '@mantine/core';
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

  const columns = [
    { field: 'inApp', heading: t('notifications.settings.inAppColumn'), label: t('notifications.settings.inApp') },
    {
      field: 'emailDigest',
      heading: t('notifications.settings.emailDigestColumn'),
      label: t('notifications.settings.emailDigest'),
    },
  ] as const;

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {/* Narrow enough for a phone: the kinds wrap, the two columns of boxes stay. */}
        <Table verticalSpacing="xs" aria-label={t('notifications.settings.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('notifications.settings.kindColumn')}</Table.Th>
              {columns.map((column) => (
                <Table.Th key={column.field} scope="col" ta="center" w="25%">
                  {column.heading}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preferences.map((preference) => {
              const kind = t(`notifications.settings.kind.${preference.kind}`);
              return (
                <Table.Tr key={preference.kind}>
                  <Table.Th scope="row" fw={400}>
                    {kind}
                  </Table.Th>
                  {columns.map((column) => (
                    <Table.Td key={column.field}>
                      <Group justify="center" mih={44}>
                        <Checkbox
                          aria-label={`${column.label}: ${kind}`}
                          checked={preference[column.field]}
                          onChange={(event) => change(preference.kind, column.field, event.currentTarget.checked)}
                        />
                      </Group>
                    </Table.Td>
                  ))}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
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
