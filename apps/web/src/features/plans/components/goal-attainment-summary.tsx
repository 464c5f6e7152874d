import { Paper, Stack, Text } from '@mantine/core';
import type { GoalAttainment } from '@yhdessa/shared';
import { useTranslation } from 'react-i18next';

/**
 * How the family's goals have gone, in plain words: "2 of 3 goals reached", the other endings,
 * and for goals with attainment levels how they came out against the expected outcome. Shown
 * once a goal has ended; before that there is nothing to sum up.
 */
export function GoalAttainmentSummary({ attainment }: { attainment: GoalAttainment }) {
  const { t } = useTranslation();
  if (attainment.total === attainment.open) return null;
  const others = [
    ['partlyReached', attainment.partlyReached],
    ['notReached', attainment.notReached],
    ['dropped', attainment.dropped],
    ['open', attainment.open],
  ] as const;
  const atLevels = (match: (level: number) => boolean) =>
    attainment.levels.filter((entry) => match(entry.level)).reduce((sum, entry) => sum + entry.count, 0);
  const levels = [
    ['above', atLevels((level) => level > 0)],
    ['expected', atLevels((level) => level === 0)],
    ['below', atLevels((level) => level < 0)],
  ] as const;
  const join = (parts: readonly (readonly [string, number])[], prefix: string) =>
    parts
      .filter(([, count]) => count > 0)
      .map(([key, count]) => t(`${prefix}.${key}`, { count }))
      .join(' · ');
  const otherWords = join(others, 'attainment.other');
  const levelWords = join(levels, 'attainment.levels');
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="goal-attainment-title">
      <Stack gap={2}>
        <Text fw={700} id="goal-attainment-title">
          {t('attainment.reached', { reached: attainment.reached, count: attainment.total })}
        </Text>
        {otherWords && <Text size="sm">{otherWords}</Text>}
        {levelWords && <Text size="sm">{t('attainment.levelsIntro', { levels: levelWords })}</Text>}
      </Stack>
    </Paper>
  );
}
