import { Box, Group, Stack, Text } from '@mantine/core';
import { IconTarget } from '@tabler/icons-react';
import type { Goal, PlanAction } from '@yhdessa/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { OverdueBadge } from '../../../components/overdue-badge';
import { formatDate, useLanguage } from '../../../lib/locale';

export type RenderActionStatus = (action: PlanAction) => ReactNode;

interface ActionListProps {
  actions: PlanAction[];
  /** The goals the reader sees: an action names its goal only when it is one of them. */
  goals: Goal[];
  renderStatus: RenderActionStatus;
  /** Under one action, e.g. its comments. */
  renderExtra?: (action: PlanAction) => ReactNode;
  /** The family reads who does it and by when in plain words. */
  forFamily?: boolean;
}

export function ActionList({ actions, goals, renderStatus, renderExtra, forFamily = false }: ActionListProps) {
  const { t } = useTranslation();
  if (actions.length === 0) return <Text size="sm">{t('plan.noActions')}</Text>;
  const goalTitles = new Map(goals.map((goal) => [goal.id, goal.title]));
  return (
    <Stack component="ul" gap={0} p={0} m={0} style={{ listStyle: 'none' }}>
      {actions.map((action, index) => (
        <ActionRow
          key={action.id}
          action={action}
          goalTitle={action.goalId ? goalTitles.get(action.goalId) : undefined}
          renderStatus={renderStatus}
          extra={renderExtra?.(action)}
          divided={index > 0}
          forFamily={forFamily}
        />
      ))}
    </Stack>
  );
}

interface ActionRowProps {
  action: PlanAction;
  goalTitle: string | undefined;
  renderStatus: RenderActionStatus;
  extra?: ReactNode;
  divided: boolean;
  forFamily: boolean;
}

function ActionRow({ action, goalTitle, renderStatus, extra, divided, forFamily }: ActionRowProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  // The server decides what is overdue, so every screen and time zone agrees.
  const overdue = action.overdue;
  return (
    <Box component="li" py="sm" style={divided ? { borderTop: '1px solid var(--mantine-color-gray-3)' } : undefined}>
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={2} style={{ flex: '1 1 16rem' }}>
          <Text fw={600}>{action.title}</Text>
          {action.ownerName && (
            <Text size="sm">{t(forFamily ? 'familyHome.actionOwner' : 'plan.actionOwner', { name: action.ownerName })}</Text>
          )}
          <Group gap="xs">
            <Text size="sm" c={overdue ? 'red.9' : undefined} fw={overdue ? 600 : undefined}>
              {action.dueOn
                ? t(forFamily ? 'familyHome.actionDue' : 'plan.actionDue', { date: formatDate(action.dueOn, language) })
                : t('plan.actionNoDue')}
            </Text>
            {overdue && <OverdueBadge>{t('plan.overdue')}</OverdueBadge>}
          </Group>
          {goalTitle && (
            <Group gap={4} wrap="nowrap" align="flex-start">
              <IconTarget size={16} aria-hidden style={{ flex: 'none', marginTop: 2 }} />
              <Text size="sm">{t('goalsOverTime.actionGoal', { title: goalTitle })}</Text>
            </Group>
          )}
        </Stack>
        {/* The control and any notice it raises are flex items of this row; a notice takes a line of its own. */}
        {renderStatus(action)}
      </Group>
      {extra}
    </Box>
  );
}
