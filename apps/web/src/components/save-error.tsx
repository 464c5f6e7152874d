import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isApiError, isTransientError } from '../lib/api-client';

interface SaveErrorProps {
  error: unknown;
  /** The caller's own words for the refusal, when it has them. */
  message?: string;
  /**
   * Sends the same save again. Without it, "Try again" submits the form the message stands in,
   * so the form sends what it holds, with its own handlers.
   */
  onRetry?: () => void;
}

/**
 * Why a save failed, in plain words, by the API's error code (or the caller's own words for it).
 * When trying again may help (no answer in time, no connection, the server's own trouble), it
 * offers "Try again".
 */
export function SaveError({ error, message, onRetry }: SaveErrorProps) {
  const { t } = useTranslation();
  const text = message
    ? message
    : isApiError(error, 'timeout')
      ? t('offline.timeout')
      : isApiError(error, 'unreachable')
        ? t('offline.unreachable')
        : isApiError(error, 'forbidden')
          ? t('save.forbidden')
          : isApiError(error, 'case_closed')
            ? t('save.caseClosed')
            : isApiError(error, 'version_conflict')
              ? t('save.conflict')
              : isApiError(error, 'validation_failed')
                ? t('save.invalid')
                : t('save.failed');
  return (
    <Alert color="red" variant="light" role="alert">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{text}</Text>
        {isTransientError(error) && (
          <Button
            size="xs"
            variant="outline"
            color="red.9"
            leftSection={<IconRefresh size={14} aria-hidden />}
            {...(onRetry ? { type: 'button', onClick: onRetry } : { type: 'submit' })}
          >
            {t('offline.retry')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
