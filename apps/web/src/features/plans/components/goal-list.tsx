import { Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { Goal } from '@yhdessa/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, useLanguage } from '../../../lib/locale';

function GoalCard({ goal, extra }: { goal: Goal; extra?: ReactNode }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const latest = goal.progress.at(-1);
  return (
    <Card withBorder padding="sm" component="article">
      <Stack gap={4}>
        <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
          <Title order={3} size="h5">
            {goal.title}
          </Title>
          {goal.status !== 'open' && (
            <Badge variant="light" color={goal.status === 'reached' ? 'teal' : 'gray'} tt="none">
              {t(`ending.${goal.status}`)}
            </Badge>
          )}
        </Group>
        {goal.ownerName && <Text size="sm">{t('plan.goalOwner', { name: goal.ownerName })}</Text>}
        <Text size="sm">{t('plan.goalIndicator', { indicator: goal.indicator })}</Text>
        <Text size="sm">{t('plan.goalProgress', { baseline: goal.baseline, target: goal.target })}</Text>
        {latest && (
          <Text size="sm" fw={600}>
            {t('plan.goalLatest', { date: formatDate(latest.recordedOn, language), value: latest.value })}
          </Text>
        )}
        {goal.targetOn && <Text size="sm">{t('plan.goalTargetOn', { date: formatDate(goal.targetOn, language) })}</Text>}
        {goal.progress.length > 1 && (
          <details className="goal-progress">
            <summary>
              <Text span size="sm">
                {t('plan.goalProgressAll', { count: goal.progress.length })}
              </Text>
            </summary>
            <Stack component="ol" gap={2} pl="md" m={0} mt={4}>
              {goal.progress.map((entry) => (
                <Text component="li" size="sm" key={entry.id}>
                  {formatDate(entry.recordedOn, language)}: {entry.value}
                  {entry.note && ` – ${entry.note}`} ({entry.recordedBy.name})
                </Text>
              ))}
            </Stack>
          </details>
        )}
        {extra}
      </Stack>
    </Card>
  );
}

export function GoalList({ goals, renderExtra }: { goals: Goal[]; renderExtra?: (goal: Goal) => ReactNode }) {
  const { t } = useTranslation();
  if (goals.length === 0) return <Text size="sm">{t('plan.noGoals')}</Text>;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      {goals.map((goal) => (
        <GoalCard key={goal.id} goal={goal} extra={renderExtra?.(goal)} />
      ))}
    </SimpleGrid>
  );
}
