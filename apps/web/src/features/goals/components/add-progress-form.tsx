import { Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { goalProgressMaxLengths, type Goal } from '@yhdessa/shared';
import { useTranslation } from 'react-i18next';
import { useCharacterCount, withinLength } from '../../../components/character-count';
import { DateField } from '../../../components/date-field';
import { SaveError } from '../../../components/save-error';
import { fieldError } from '../../../lib/form-errors';
import { todayIsoDate } from '../../../lib/locale';
import { useAddGoalProgress } from '../api/goal.mutations';
import { FormButtons } from '../../../components/form-buttons';

interface AddProgressFormProps {
  familyId: string;
  goal: Goal;
  onCancel: () => void;
}

/** One dated entry of how a goal is going. */
export function AddProgressForm({ familyId, goal, onCancel }: AddProgressFormProps) {
  const { t } = useTranslation();
  const add = useAddGoalProgress(familyId, goal.id);
  const counted = useCharacterCount();
  const form = useForm({
    initialValues: { recordedOn: todayIsoDate(), value: '', note: '' },
    validate: {
      // The date has no message of its own: a cleared date keeps the entry from being saved too.
      value: (value, values) =>
        value.trim() && values.recordedOn ? withinLength(goalProgressMaxLengths.value)(value) : 'goals.progressValueRequired',
      note: withinLength(goalProgressMaxLengths.note),
    },
  });

  return (
    <form
      noValidate
      aria-label={t('goals.progressFormLabel', { title: goal.title })}
      onSubmit={form.onSubmit(({ recordedOn, value, note }) =>
        add.mutate({ recordedOn, value: value.trim(), note: note.trim() }, { onSuccess: onCancel }),
      )}
    >
      <Stack gap="xs">
        <DateField label={t('goals.progressDate')} {...form.getInputProps('recordedOn')} required />
        <TextInput
          label={t('goals.progressValue')}
          description={t('goals.progressValueHint')}
          {...form.getInputProps('value')}
          {...counted(form.values.value, goalProgressMaxLengths.value)}
          error={fieldError(t, form.errors, 'value')}
          required
          data-autofocus
        />
        <Textarea
          label={t('goals.progressNote')}
          {...form.getInputProps('note')}
          {...counted(form.values.note, goalProgressMaxLengths.note)}
          error={fieldError(t, form.errors, 'note')}
          autosize
          minRows={2}
        />
        {add.isError && <SaveError error={add.error} />}
        <FormButtons submitLabel={t('goals.progressSave')} pending={add.isPending} onCancel={onCancel} size="sm" />
      </Stack>
    </form>
  );
}
