import { Group, Text } from '@mantine/core';
import type { WorkerWorkspace } from '@yhdessa/shared';
import { useTranslation } from 'react-i18next';
import { OverdueBadge } from '../../../components/overdue-badge';
import { formatDate, localizeText, useLanguage } from '../../../lib/locale';
import { AgendaSection } from './agenda-section';
import { FamilyItemLink } from './family-link';
import { WorkspaceActions } from './workspace-actions';

/** What the worker's services have due within two weeks, overdue first as the server orders it. */
export function WorkerAgenda({ workspace, readAt }: { workspace: WorkerWorkspace; readAt: number }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <WorkspaceActions first={workspace.dueActions} firstReadAt={readAt}>
      {(actions, count, more) => (
        <AgendaSection id="agenda-due" title={t('workspace.dueTitle')} count={count} emptyText={t('workspace.dueEmpty')}>
          {actions.map(({ family, action, service }) => (
            <li key={action.id}>
              <Group gap="xs" wrap="wrap">
                <FamilyItemLink familyId={family.id}>{action.title}</FamilyItemLink>
                {action.overdue && <OverdueBadge>{t('workspace.overdue')}</OverdueBadge>}
              </Group>
              <Text size="sm">
                {family.name}
                {service && ` · ${localizeText(service.name, language)}`}
                {action.dueOn && ` · ${t('workspace.dueOn', { date: formatDate(action.dueOn, language) })}`}
              </Text>
            </li>
          ))}
          {more}
        </AgendaSection>
      )}
    </WorkspaceActions>
  );
}
