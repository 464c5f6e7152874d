import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../lib/api-client';
import { SaveError } from './save-error';

interface ConflictAlertProps {
  /** A heading of the part's own; without it, a general one and a line on what happened. */
  title?: string;
  /** The thing as it is saved now. */
  children: ReactNode;
  /** Save the user's own change on top of what is saved now; omitted when there is nothing left to apply. */
  onReapply?: () => void;
  onDiscard: () => void;
  reapplyLabel?: string;
  discardLabel?: string;
  pending?: boolean;
}

/** Someone saved first: what is saved now, and the choice to apply one's own change on top of it or drop it. */
export function ConflictAlert({
  title,
  children,
  onReapply,
  onDiscard,
  reapplyLabel,
  discardLabel,
  pending,
}: ConflictAlertProps) {
  const { t } = useTranslation();
  return (
    <Alert
      color="orange"
      variant="light"
      role="alert"
      icon={<IconAlertTriangle aria-hidden />}
      title={title ?? t('conflict.title')}
    >
      <Stack gap="xs">
        {!title && <Text size="sm">{t('conflict.text')}</Text>}
        {children}
        <Group gap="sm">
          {onReapply && (
            <Button onClick={onReapply} loading={pending}>
              {reapplyLabel ?? t('conflict.reapply')}
            </Button>
          )}
          <Button variant="default" onClick={onDiscard} disabled={pending}>
            {discardLabel ?? (onReapply ? t('conflict.discard') : t('conflict.close'))}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

interface SaveProblemProps {
  error: unknown;
  conflict: ReactNode;
  /** Outside a form: how to send the same save again (see SaveError). */
  onRetry?: () => void;
}

/** After a failed save: the conflict, when the form shows what is saved now; otherwise why it failed. */
export function SaveProblem({ error, conflict, onRetry }: SaveProblemProps) {
  if (conflict) return conflict;
  return error && !isApiError(error, 'version_conflict') ? <SaveError error={error} onRetry={onRetry} /> : null;
}
