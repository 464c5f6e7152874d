import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../lib/api-client';

/** Why a save failed, in plain words, by the API's error code (or the caller's own words for it). */
export function SaveError({ error, message }: { error: unknown; message?: string }) {
  const { t } = useTranslation();
  const text = message
    ? message
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
      {text}
    </Alert>
  );
}
