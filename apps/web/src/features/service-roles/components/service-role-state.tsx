import { List } from '@mantine/core';
import type { ServiceRoleSummary } from '@yhdessa/shared';
import { useTranslation } from 'react-i18next';
import { formatDate, useLanguage } from '../../../lib/locale';

/** A role as it is saved now, shown when someone else saved first. */
export function ServiceRoleState({ role }: { role: ServiceRoleSummary }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const date = (iso: string | null) => (iso ? formatDate(iso, language) : t('serviceRole.noDate'));
  return (
    <List size="sm" spacing={2}>
      <List.Item>{t('serviceRole.statusNow', { status: t(`serviceRoleStatus.${role.status}`) })}</List.Item>
      <List.Item>
        {t('serviceRole.description')}: {role.description || t('serviceRole.noDescription')}
      </List.Item>
      <List.Item>
        {t('serviceRole.responsible')}: {role.responsibleWorker?.name ?? t('plan.noResponsibleWorker')}
      </List.Item>
      <List.Item>{t('serviceRole.period', { from: date(role.startsOn), to: date(role.endsOn) })}</List.Item>
    </List>
  );
}
