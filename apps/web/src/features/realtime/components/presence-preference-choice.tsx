import { Alert, Checkbox, Stack, Text, Title } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { presencePreferenceQueryOptions, useChangePresencePreference } from '../api/presence-preference.query';

/** A family member's own choice: to see on the plan when their coordinator is looking at it. Off until they turn it on. */
export function PresencePreferenceChoice({ familyId, coordinatorName }: { familyId: string; coordinatorName: string }) {
  const { t } = useTranslation();
  const preference = useQuery(presencePreferenceQueryOptions(familyId));
  const change = useChangePresencePreference(familyId);
  if (!preference.data) return null;
  const sees = change.isPending ? Boolean(change.variables?.seesCoordinatorPresence) : preference.data.seesCoordinatorPresence;
  return (
    <Stack component="section" aria-labelledby="presence-preference" gap="xs">
      <Title order={2} size="h3" id="presence-preference">
        {t('presence.preferenceTitle')}
      </Title>
      <Checkbox
        size="md"
        label={t('presence.preferenceLabel', { name: coordinatorName })}
        description={t('presence.preferenceHint')}
        checked={sees}
        // Not disabled while saving: a disabled box would throw the keyboard focus away.
        onChange={(event) => {
          if (!change.isPending) change.mutate({ seesCoordinatorPresence: event.currentTarget.checked });
        }}
        styles={{ description: { color: 'var(--mantine-color-gray-8)' } }}
      />
      <div aria-live="polite">
        {change.isSuccess && (
          <Text size="sm" c="teal.9">
            {t('presence.preferenceSaved')}
          </Text>
        )}
      </div>
      {change.isError && (
        <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
          {t('presence.preferenceFailed')}
        </Alert>
      )}
    </Stack>
  );
}
