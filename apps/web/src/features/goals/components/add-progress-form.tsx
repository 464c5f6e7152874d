import { Stack, TextInput, Textarea } from '@mantine/core';
import { goalProgressMaxLengths, type Goal } from '@yhdessa/shared';
import { useTranslation } from 'react-i18next';
import { useCharacterCount, withinLength } from '../../../components/character-count';
import { DateField } from '../../../components/date-field';
import { FormButtons } from '../../../components/form-buttons';
import { SaveError } from '../../../components/save-error';
import { useDraftForm } from '../../../lib/drafts';
import { progressDraft } from './goal-drafts';
import { fieldError } from '../../../lib/form-errors';
import { todayIsoDate } from '../../../lib/locale';
import { submitPendingEdit, usePendingEdit } from '../../../lib/pending-edits';
import { goalProgressEntry } from '../api/goal.mutations';

interface AddProgressFormProps {
  familyId: string;
  goal: Goal;
  onCancel: () => void;
}

/** One dated entry of how a goal is going; without a connection it waits to be sent (PendingProgress). */
export function AddProgressForm({ familyId, goal, onCancel }: AddProgressFormProps) {
  const { t } = useTranslation();
  const add = usePendingEdit(goalProgressEntry);
  const counted = useCharacterCount();
  const { form, clearDraft } = useDraftForm(progressDraft(familyId, goal.id), {
    initialValues: { recordedOn: todayIsoDate(), value: '', note: '' },
    validate: {
      // The date has no message of its own: a cleared date keeps the entry from being saved too.
      value: (value, values) =>
        value.trim() && values.recordedOn ? withinLength(goalProgressMaxLengths.value)(value) : 'goals.progressValueRequired',
      note: withinLength(goalProgressMaxLengths.note),
    },
  });
  const done = () => {
    clearDraft();
    onCancel();
  };

  return (
    <form
      noValidate
      aria-label={t('goals.progressFormLabel', { title: goal.title })}
      onSubmit={form.onSubmit(({ recordedOn, value, note }) =>
        submitPendingEdit(add, { familyId, goalId: goal.id, body: { recordedOn, value: value.trim(), note: note.trim() } }, done),
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
        <FormButtons submitLabel={t('goals.progressSave')} pending={add.isPending} onCancel={done} size="sm" />
      </Stack>
    </form>
  );
}
