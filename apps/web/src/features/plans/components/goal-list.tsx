import { Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { attainmentLevels, attainmentScaleKeys, type Goal, type Plan, type PlanAction } from '@yhdessa/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EndingBadge } from '../../../components/ending-badge';
import { OverdueBadge } from '../../../components/overdue-badge';
import { formatDate, localizeText, useLanguage } from '../../../lib/locale';

/** An action towards a goal, with who does it: a service's name, or null for the family's own. */
interface LinkedAction {
  action: PlanAction;
  service: Plan['serviceRoles'][number]['service'] | null;
}

/** Every action of the plan by the goal it works towards. */
function actionsByGoal(plan: Pick<Plan, 'serviceRoles' | 'familyActions'>): Map<string, LinkedAction[]> {
  const linked = [
    ...plan.serviceRoles.flatMap((role) => role.actions.map((action) => ({ action, service: role.service }))),
    ...plan.familyActions.map((action) => ({ action, service: null })),
  ];
  const byGoal = new Map<string, LinkedAction[]>();
  for (const entry of linked)
    if (entry.action.goalId) byGoal.set(entry.action.goalId, [...(byGoal.get(entry.action.goalId) ?? []), entry]);
  return byGoal;
}

/** Under a goal: the actions that work towards it, who does each, by when and how far it is. */
function GoalActions({ goal, actions }: { goal: Goal; actions: LinkedAction[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (actions.length === 0) return null;
  const headingId = `goal-actions-${goal.id}`;
  return (
    <Stack gap={4} mt={4}>
      <Title order={4} size="sm" id={headingId}>
        {t('goalsOverTime.goalActionsTitle', { count: actions.length })}
      </Title>
      <Stack component="ul" aria-labelledby={headingId} gap={6} p={0} m={0} style={{ listStyle: 'none' }}>
        {actions.map(({ action, service }) => (
          <Stack component="li" key={action.id} gap={0} pl="xs" style={{ borderLeft: '3px solid var(--mantine-color-gray-4)' }}>
            <Text size="sm" fw={600}>
              {action.title}
            </Text>
            <Group gap="xs">
              <Text size="sm">
                {[
                  service ? localizeText(service.name, language) : t('goalsOverTime.familyDoes'),
                  action.dueOn && t('plan.actionDue', { date: formatDate(action.dueOn, language) }),
                  t(`actionStatus.${action.status}`),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
              {action.overdue && <OverdueBadge>{t('plan.overdue')}</OverdueBadge>}
            </Group>
          </Stack>
        ))}
      </Stack>
    </Stack>
  );
}

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

function GoalCard({ goal, actions, extra }: { goal: Goal; actions: LinkedAction[]; extra?: ReactNode }) {
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
        <GoalActions goal={goal} actions={actions} />
        {extra}
      </Stack>
    </Card>
  );
}

interface GoalListProps {
  /** The goals the reader sees, and the plan's actions to list under the goal each works towards. */
  plan: Pick<Plan, 'goals' | 'serviceRoles' | 'familyActions'>;
  renderExtra?: (goal: Goal) => ReactNode;
}

export function GoalList({ plan, renderExtra }: GoalListProps) {
  const { t } = useTranslation();
  if (plan.goals.length === 0) return <Text size="sm">{t('plan.noGoals')}</Text>;
  const linked = actionsByGoal(plan);
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      {plan.goals.map((goal) => (
        <GoalCard key={goal.id} goal={goal} actions={linked.get(goal.id) ?? []} extra={renderExtra?.(goal)} />
      ))}
    </SimpleGrid>
  );
}
