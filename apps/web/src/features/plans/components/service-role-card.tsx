import { Card, DataList, Group, Stack, Text, Title } from '@mantine/core';
import type { Goal, PlanAction, PlanServiceRole } from '@yhdessa/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { localizeText, useLanguage } from '../../../lib/locale';
import { ActionList, type RenderActionStatus } from './action-list';
import { ServiceRoleStatusBadge } from './service-role-status-badge';
import { useServiceRolePeriod } from '../../../lib/service-role-period';

interface ServiceRoleCardProps {
  role: PlanServiceRole;
  renderActionStatus: RenderActionStatus;
  /** The goals the reader sees, to name each action's goal. */
  goals: Goal[];
  /** Under one action, e.g. its comments. */
  renderActionExtra?: (action: PlanAction) => ReactNode;
  /** Under the actions, e.g. a form to add one in the user's own role. */
  extra?: ReactNode;
  /** Under the role's details, e.g. changing or ending the role. */
  controls?: ReactNode;
  /** The reader is a family member: the card says who helps them, in plain words. */
  forFamily?: boolean;
}

export function ServiceRoleCard({
  role,
  renderActionStatus,
  renderActionExtra,
  goals,
  extra,
  controls,
  forFamily = false,
}: ServiceRoleCardProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const invited = role.status === 'invited';
  const period = useServiceRolePeriod(role);
  return (
    <Card
      withBorder
      padding="md"
      component="section"
      aria-labelledby={`service-role-${role.id}`}
      style={invited ? { borderStyle: 'dashed', borderWidth: 2, borderColor: 'var(--mantine-color-yellow-9)' } : undefined}
    >
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Title order={3} size="h4" id={`service-role-${role.id}`}>
            {localizeText(role.service.name, language)}
          </Title>
          <ServiceRoleStatusBadge status={role.status} />
        </Group>
        {role.description && <Text size="sm">{role.description}</Text>}
        <DataList size="sm" gap={4} labelWidth="9rem">
          <DataList.Item>
            <DataList.ItemLabel>{forFamily ? t('familyHome.whoHelps') : t('plan.responsibleWorker')}</DataList.ItemLabel>
            <DataList.ItemValue>{role.responsibleWorker?.name ?? t('plan.noResponsibleWorker')}</DataList.ItemValue>
          </DataList.Item>
          {period && (
            <DataList.Item>
              <DataList.ItemLabel>{t('plan.rolePeriod')}</DataList.ItemLabel>
              <DataList.ItemValue>{period}</DataList.ItemValue>
            </DataList.Item>
          )}
          <DataList.Item>
            <DataList.ItemLabel>{t('plan.contact')}</DataList.ItemLabel>
            <DataList.ItemValue>{role.service.contact}</DataList.ItemValue>
          </DataList.Item>
        </DataList>
        {controls}
        <Title order={4} size="sm" mt="xs">
          {forFamily ? t('familyHome.whatTheyDo') : t('plan.actionsTitle')}
        </Title>
        <ActionList
          actions={role.actions}
          goals={goals}
          renderStatus={renderActionStatus}
          renderExtra={renderActionExtra}
          forFamily={forFamily}
        />
        {extra}
      </Stack>
    </Card>
  );
}
