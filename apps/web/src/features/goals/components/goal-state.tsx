import { Group, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import type { Goal } from '@yhdessa/shared';
import { ConflictAlert } from '../../../components/conflict-alert';
import { EndingBadge } from '../../../components/ending-badge';
import { invalidatePlan } from '../../../lib/query-keys';

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

interface GoalConflictProps {
  familyId: string;
  /** The goal as someone else saved it first. */
  current: Goal;
  pending: boolean;
  /** Sends my change again on top of `current`. */
  onReapply: () => void;
  onDone: () => void;
}

/** Someone else changed the goal first: apply my change on top of theirs, or drop mine. */
export function GoalConflict({ familyId, current, pending, onReapply, onDone }: GoalConflictProps) {
  const queryClient = useQueryClient();
  return (
    <ConflictAlert
      pending={pending}
      onReapply={onReapply}
      onDiscard={() => {
        // The plan still shows the goal as it was before the other change.
        invalidatePlan(queryClient, familyId);
        onDone();
      }}
    >
      <GoalState goal={current} />
    </ConflictAlert>
  );
}
