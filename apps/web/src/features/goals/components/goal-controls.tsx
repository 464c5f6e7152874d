import { Button, Group, Paper, Stack } from '@mantine/core';
import { IconArrowBackUp, IconFlag, IconPencil } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { goalSchema, type Goal } from '@yhdessa/shared';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConflictAlert, SaveProblem } from '../../../components/conflict-alert';
import { useHasDraft } from '../../../lib/draft-storage';
import { invalidatePlan } from '../../../lib/query-keys';
import { useVersionConflict } from '../../../lib/use-version-conflict';
import { useChangeGoal } from '../api/goal.mutations';
import { goalDraft } from './goal-drafts';
import { GoalState } from './goal-state';
import { NamedModal } from '../../../components/named-modal';
import { LoadingState } from '../../../components/loading-state';

// The forms' code (and their calendars') loads when a form is opened.
const EditGoalForm = lazy(() => import('./edit-goal-form').then((m) => ({ default: m.EditGoalForm })));
const EndGoalForm = lazy(() => import('./end-goal-form').then((m) => ({ default: m.EndGoalForm })));

interface GoalControlsProps {
  familyId: string;
  goal: Goal;
}

/** On a goal's card, for whoever may change goals: reword it, end it (or correct how it ended), reopen it. */
export function GoalControls({ familyId, goal }: GoalControlsProps) {
  const { t } = useTranslation();
  // An edit left unsaved (the session ended, the page was reloaded) opens where the user left it.
  const unsaved = useHasDraft(goalDraft(familyId, goal.id));
  const [editing, setEditing] = useState(unsaved);
  const [ending, setEnding] = useState(false);
  const queryClient = useQueryClient();
  const reopen = useChangeGoal(familyId);
  const conflict = useVersionConflict(goalSchema);
  const open = goal.status === 'open';
  // Reopening is undone by ending the goal again: it asks nothing first.
  const sendReopen = (version: number) => {
    conflict.clear();
    reopen.mutate({ kind: 'reopen', goalId: goal.id, body: { version } }, { onError: conflict.capture });
  };
  const current = conflict.current;
  if (editing)
    return (
      <Paper withBorder p="sm" className="no-print">
        <Suspense fallback={<LoadingState />}>
          <EditGoalForm familyId={familyId} goal={goal} onDone={() => setEditing(false)} />
        </Suspense>
      </Paper>
    );
  return (
    <Stack gap="xs" className="no-print">
      <Group gap="xs">
        <Button
          variant="light"
          size="xs"
          leftSection={<IconPencil size={14} aria-hidden />}
          aria-label={t('goals.editNamed', { title: goal.title })}
          onClick={() => setEditing(true)}
        >
          {t('goals.edit')}
        </Button>
        <Button
          variant="light"
          size="xs"
          leftSection={<IconFlag size={14} aria-hidden />}
          aria-label={t(open ? 'goals.endNamed' : 'goals.changeEndingNamed', { title: goal.title })}
          onClick={() => setEnding(true)}
        >
          {t(open ? 'goals.end' : 'goals.changeEnding')}
        </Button>
        {!open && (
          <Button
            variant="subtle"
            size="xs"
            leftSection={<IconArrowBackUp size={14} aria-hidden />}
            aria-label={t('goals.reopenNamed', { title: goal.title })}
            loading={reopen.isPending}
            onClick={() => sendReopen(goal.version)}
          >
            {t('goals.reopen')}
          </Button>
        )}
      </Group>
      <SaveProblem
        error={reopen.error}
        onRetry={() => reopen.variables && sendReopen(reopen.variables.body.version)}
        conflict={
          current && (
            <ConflictAlert
              pending={reopen.isPending}
              onReapply={current.status === 'open' ? undefined : () => sendReopen(current.version)}
              reapplyLabel={t('goals.reopen')}
              onDiscard={() => {
                conflict.clear();
                reopen.reset();
                invalidatePlan(queryClient, familyId);
              }}
            >
              <GoalState goal={current} />
            </ConflictAlert>
          )
        }
      />
      <NamedModal
        opened={ending}
        onClose={() => setEnding(false)}
        title={t(open ? 'goals.endTitle' : 'goals.changeEndingTitle', { title: goal.title })}
      >
        {ending && <EndGoalForm familyId={familyId} goal={goal} onDone={() => setEnding(false)} />}
      </NamedModal>
    </Stack>
  );
}
