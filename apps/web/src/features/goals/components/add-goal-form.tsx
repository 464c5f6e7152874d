import { SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SaveError } from '../../../components/save-error';
import { useCreateGoal } from '../api/goal.mutations';
import { FormButtons } from '../../../components/form-buttons';

interface AddGoalFormProps {
  familyId: string;
  onCancel: () => void;
}

/** A goal in the family's own words: only the title is needed. */
export function AddGoalForm({ familyId, onCancel }: AddGoalFormProps) {
  const { t } = useTranslation();
  const create = useCreateGoal(familyId);
  const [title, setTitle] = useState('');
  const [ownerName, setOwnerName] = useState('');
  const [indicator, setIndicator] = useState('');
  const [baseline, setBaseline] = useState('');
  const [target, setTarget] = useState('');
  const [targetOn, setTargetOn] = useState('');
  const [missing, setMissing] = useState(false);

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!title.trim()) {
          setMissing(true);
          return;
        }
        create.mutate(
          {
            title: title.trim(),
            ownerName: ownerName.trim(),
            indicator: indicator.trim(),
            baseline: baseline.trim(),
            target: target.trim(),
            targetOn: targetOn || null,
          },
          { onSuccess: onCancel },
        );
      }}
    >
      <Stack gap="sm">
        <Title order={3} size="h5">
          {t('goals.addTitle')}
        </Title>
        <TextInput
          label={t('goals.title')}
          description={t('goals.titleHint')}
          value={title}
          onChange={(event) => {
            setTitle(event.currentTarget.value);
            setMissing(false);
          }}
          error={missing ? t('goals.titleRequired') : undefined}
          required
          maxLength={300}
          data-autofocus
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t('goals.owner')}
            value={ownerName}
            onChange={(e) => setOwnerName(e.currentTarget.value)}
            maxLength={200}
          />
          <TextInput
            label={t('goals.indicator')}
            value={indicator}
            onChange={(e) => setIndicator(e.currentTarget.value)}
            maxLength={500}
          />
          <TextInput
            label={t('goals.baseline')}
            value={baseline}
            onChange={(e) => setBaseline(e.currentTarget.value)}
            maxLength={500}
          />
          <TextInput
            label={t('goals.target')}
            value={target}
            onChange={(e) => setTarget(e.currentTarget.value)}
            maxLength={500}
          />
          <TextInput
            label={t('goals.targetOn')}
            type="date"
            value={targetOn}
            onChange={(e) => setTargetOn(e.currentTarget.value)}
          />
        </SimpleGrid>
        {create.isError && <SaveError error={create.error} />}
        <FormButtons submitLabel={t('goals.save')} pending={create.isPending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
