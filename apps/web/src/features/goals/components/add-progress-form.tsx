import { Stack, TextInput, Textarea } from '@mantine/core';
import type { Goal } from '@yhdessa/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SaveError } from '../../../components/save-error';
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
  const [recordedOn, setRecordedOn] = useState(todayIsoDate);
  const [value, setValue] = useState('');
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);

  return (
    <form
      noValidate
      aria-label={t('goals.progressFormLabel', { title: goal.title })}
      onSubmit={(event) => {
        event.preventDefault();
        if (!value.trim() || !recordedOn) {
          setMissing(true);
          return;
        }
        add.mutate({ recordedOn, value: value.trim(), note: note.trim() }, { onSuccess: onCancel });
      }}
    >
      <Stack gap="xs">
        <TextInput
          label={t('goals.progressDate')}
          type="date"
          value={recordedOn}
          onChange={(e) => setRecordedOn(e.currentTarget.value)}
          required
        />
        <TextInput
          label={t('goals.progressValue')}
          description={t('goals.progressValueHint')}
          value={value}
          onChange={(e) => {
            setValue(e.currentTarget.value);
            setMissing(false);
          }}
          error={missing ? t('goals.progressValueRequired') : undefined}
          required
          maxLength={200}
          data-autofocus
        />
        <Textarea
          label={t('goals.progressNote')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          maxLength={2000}
          autosize
          minRows={2}
        />
        {add.isError && <SaveError error={add.error} />}
        <FormButtons submitLabel={t('goals.progressSave')} pending={add.isPending} onCancel={onCancel} size="sm" />
      </Stack>
    </form>
  );
}
