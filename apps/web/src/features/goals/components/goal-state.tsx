import { Group, Text } from '@mantine/core';
import type { Goal } from '@yhdessa/shared';
import { EndingBadge } from '../../../components/ending-badge';

/** The goal as it is saved now, shown when someone else changed it first. */
export function GoalState({ goal }: { goal: Goal }) {
  return (
    <Group gap="xs">
      <Text size="sm" fw={600}>
        {goal.title}
      </Text>
      {goal.status !== 'open' && <EndingBadge ending={goal.status} endedOn={goal.endedOn} />}
    </Group>
  );
}
