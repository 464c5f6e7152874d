import { Text } from '@mantine/core';
import type { Action } from '@yhdessa/shared';
import { useTranslation } from 'react-i18next';

/**
 * The status of an action the user may read but not change: another service's, the family's own
 * for a worker, any on a closed case. The family reads it in plain words ("Kesken").
 */
export function ActionStatusText({ action, forFamily = false }: { action: Action; forFamily?: boolean }) {
  const { t } = useTranslation();
  return (
    <Text size="sm" style={{ flex: '0 1 12rem', minWidth: '10rem' }} fw={forFamily ? 600 : undefined}>
      {forFamily
        ? t(`familyHome.actionStatus.${action.status}`)
        : t('actions.statusReadOnly', { status: t(`actionStatus.${action.status}`) })}
    </Text>
  );
}
