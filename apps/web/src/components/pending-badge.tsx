import { Badge, Button, Text } from '@mantine/core';
import { IconCloudUp } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { SaveError } from './save-error';

/** On an item: a change to it waits for the connection, said in words and with an icon. */
export function PendingBadge() {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color="orange" tt="none" size="md" leftSection={<IconCloudUp size={14} aria-hidden />}>
      {t('offline.waiting')}
    </Badge>
  );
}

/** Where a queued edit is: waiting for the connection, or on its way; nothing once it is answered. */
export function PendingEditProgress({ status, isPaused }: { status: string; isPaused: boolean }) {
  const { t } = useTranslation();
  if (status !== 'pending') return null;
  return isPaused ? (
    <PendingBadge />
  ) : (
    <Text size="xs" c="dimmed">
      {t('offline.sending')}
    </Text>
  );
}

interface PendingEditFailureProps {
  error: unknown;
  onRetry: () => void;
  onDiscard: () => void;
  discardLabel: string;
}

/** A queued edit refused after waiting: why, with a way to send it again or to drop it. */
export function PendingEditFailure({ error, onRetry, onDiscard, discardLabel }: PendingEditFailureProps) {
  return (
    <>
      <SaveError error={error} onRetry={onRetry} />
      <Button size="xs" variant="default" onClick={onDiscard}>
        {discardLabel}
      </Button>
    </>
  );
}
