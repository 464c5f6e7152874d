import { Stack } from '@mantine/core';
import { goalSchema, type Goal } from '@yhdessa/shared';
import { useTranslation } from 'react-i18next';
import { SaveProblem } from '../../../components/conflict-alert';
import { FormButtons } from '../../../components/form-buttons';
import { showRefusedFields } from '../../../lib/form-errors';
import { useVersionConflict } from '../../../lib/use-version-conflict';
import { useChangeGoal } from '../api/goal.mutations';
import { GoalFields, goalWords, useGoalForm, type GoalFormValues } from './goal-fields';
import { GoalConflict } from './goal-state';
import { goalDraft } from './goal-drafts';

interface EditGoalFormProps {
  familyId: string;
  goal: Goal;
  onDone: () => void;
}

/** Every word of a goal, and its attainment levels while it is open. */
export function EditGoalForm({ familyId, goal, onDone }: EditGoalFormProps) {
  const { t } = useTranslation();
  const change = useChangeGoal(familyId);
  const conflict = useVersionConflict(goalSchema);
  const { form, version, clearDraft } = useGoalForm(goalDraft(familyId, goal.id), goal);
  const done = () => {
    clearDraft();
    onDone();
  };
  const open = goal.status === 'open';

  function save(values: GoalFormValues, version: number) {
    const { attainmentScale, ...words } = goalWords(values);
    conflict.clear();
    change.mutate(
      // The levels of an ended goal stay as they ended.
      { kind: 'update', goalId: goal.id, body: { ...words, ...(open && { attainmentScale }), version } },
      {
        onSuccess: done,
        onError: (error) => {
          conflict.capture(error);
          showRefusedFields(form, error, { targetOn: 'goals.targetOnPast' });
        },
      },
    );
  }

  const current = conflict.current;
  return (
    <form
      noValidate
      aria-label={t('goals.editNamed', { title: goal.title })}
      onSubmit={form.onSubmit((values) => save(values, version ?? goal.version))}
    >
      <Stack gap="sm">
        <GoalFields form={form} offerLevels={open} savedTargetOn={goal.targetOn} />
        <SaveProblem
          error={change.error}
          conflict={
            current && (
              <GoalConflict
                familyId={familyId}
                current={current}
                pending={change.isPending}
                onReapply={() => save(form.getValues(), current.version)}
                onDone={done}
              />
            )
          }
        />
        {!current && <FormButtons submitLabel={t('goals.save')} pending={change.isPending} onCancel={done} />}
      </Stack>
    </form>
  );
}
