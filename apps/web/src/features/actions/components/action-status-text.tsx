import { Text } from '@mantine/core';
import type { Action } from '@yhdessa/shared';
import { useTranslation } from 'react-i18next';

/** The status of an action the user may read but not change: another service's, the family's own for a worker, any on a closed case. */
export function ActionStatusText({ action }: { action: Action }) {
  const { t } = useTranslation();
  return (
    <Text size="sm" style={{ flex: '0 1 12rem', minWidth: '10rem' }}>
      {t('actions.statusReadOnly', { status: t(`actionStatus.${action.status}`) })}
    </Text>
  );
}
