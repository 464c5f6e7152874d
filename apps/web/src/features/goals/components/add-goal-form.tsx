import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormButtons } from '../../../components/form-buttons';
import { SaveError } from '../../../components/save-error';
import { useCreateGoal } from '../api/goal.mutations';
import { newGoalDraft } from './goal-drafts';
import { GoalFields, goalWords, useGoalForm } from './goal-fields';

interface AddGoalFormProps {
  familyId: string;
  /** Whether to offer attainment levels: to those who keep the goals in shape. */
  offerLevels: boolean;
  onCancel: () => void;
}

/** A goal in the family's own words: only the title is needed. */
export function AddGoalForm({ familyId, offerLevels, onCancel }: AddGoalFormProps) {
  const { t } = useTranslation();
  const create = useCreateGoal(familyId);
  const { form, clearDraft } = useGoalForm(newGoalDraft(familyId));
  const done = () => {
    clearDraft();
    onCancel();
  };

  return (
    <form noValidate onSubmit={form.onSubmit((values) => create.mutate(goalWords(values), { onSuccess: done }))}>
      <Stack gap="sm">
        <Title order={3} size="h5">
          {t('goals.addTitle')}
        </Title>
        <GoalFields form={form} offerLevels={offerLevels} />
        {create.isError && <SaveError error={create.error} />}
        <FormButtons submitLabel={t('goals.save')} pending={create.isPending} onCancel={done} />
      </Stack>
    </form>
  );
}
