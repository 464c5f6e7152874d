import { Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { attainmentLevels, attainmentScaleKeys, type Goal } from '@yhdessa/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EndingBadge } from '../../../components/ending-badge';
import { formatDate, useLanguage } from '../../../lib/locale';

/** Where the goal started and where it aims, naming only what was written down. */
function startAndTarget(goal: Goal): { key: string; values: Record<string, string> } | null {
  if (goal.baseline && goal.target) return { key: 'plan.goalProgress', values: { baseline: goal.baseline, target: goal.target } };
  if (goal.baseline) return { key: 'plan.goalBaseline', values: { baseline: goal.baseline } };
  if (goal.target) return { key: 'plan.goalTarget', values: { target: goal.target } };
  return null;
}

/** A goal's attainment levels, and the one it reached when it ended. */
function GoalLevels({ goal }: { goal: Goal }) {
  const { t } = useTranslation();
  const scale = goal.attainmentScale;
  if (!scale) return null;
  const attained = goal.attainedLevel === null ? null : attainmentScaleKeys[goal.attainedLevel];
  return (
    <>
      {attained && (
        <Text size="sm" fw={600}>
          {scale[attained]
            ? t('plan.goalAttainedWithText', { level: t(`attainment.level.${attained}`), text: scale[attained] })
            : t('plan.goalAttained', { level: t(`attainment.level.${attained}`) })}
        </Text>
      )}
      <details className="goal-progress">
        <summary>
          <Text span size="sm">
            {t('plan.goalLevels')}
          </Text>
        </summary>
        <List size="sm" spacing={2} mt={4} listStyleType="none" pl={0}>
          {attainmentLevels
            .map((level) => attainmentScaleKeys[level])
            .filter((key) => scale[key])
            .map((key) => (
              <List.Item key={key}>
                <Text span size="sm" fw={key === attained ? 700 : 400}>
                  {t(`attainment.level.${key}`)}: {scale[key]}
                </Text>
              </List.Item>
            ))}
        </List>
      </details>
    </>
  );
}

function GoalCard({ goal, extra }: { goal: Goal; extra?: ReactNode }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const latest = goal.progress.at(-1);
  const aim = startAndTarget(goal);
  return (
    <Card withBorder padding="sm" component="article">
      <Stack gap={4}>
        <Group justify="space-between" align="flex-start" gap="xs">
          <Title order={3} size="h5">
            {goal.title}
          </Title>
          {goal.status !== 'open' && <EndingBadge ending={goal.status} endedOn={goal.endedOn} />}
        </Group>
        {goal.ownerName && <Text size="sm">{t('plan.goalOwner', { name: goal.ownerName })}</Text>}
        {goal.indicator && <Text size="sm">{t('plan.goalIndicator', { indicator: goal.indicator })}</Text>}
        {aim && <Text size="sm">{t(aim.key, aim.values)}</Text>}
        {latest && (
          <Text size="sm" fw={600}>
            {t('plan.goalLatest', { date: formatDate(latest.recordedOn, language), value: latest.value })}
          </Text>
        )}
        {goal.targetOn && <Text size="sm">{t('plan.goalTargetOn', { date: formatDate(goal.targetOn, language) })}</Text>}
        <GoalLevels goal={goal} />
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
