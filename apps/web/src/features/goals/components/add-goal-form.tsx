import { SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { isNotEmpty, useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { SaveError } from '../../../components/save-error';
import { fieldError } from '../../../lib/form-errors';
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
  const form = useForm({
    initialValues: { title: '', ownerName: '', indicator: '', baseline: '', target: '', targetOn: '' },
    validate: { title: isNotEmpty('goals.titleRequired') },
  });

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) =>
        create.mutate(
          {
            title: values.title.trim(),
            ownerName: values.ownerName.trim(),
            indicator: values.indicator.trim(),
            baseline: values.baseline.trim(),
            target: values.target.trim(),
            targetOn: values.targetOn || null,
            attainmentScale: null,
          },
          { onSuccess: onCancel },
        ),
      )}
    >
      <Stack gap="sm">
        <Title order={3} size="h5">
          {t('goals.addTitle')}
        </Title>
        <TextInput
          label={t('goals.title')}
          description={t('goals.titleHint')}
          {...form.getInputProps('title')}
          error={fieldError(t, form.errors, 'title')}
          required
          maxLength={300}
          data-autofocus
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label={t('goals.owner')} {...form.getInputProps('ownerName')} maxLength={200} />
          <TextInput label={t('goals.indicator')} {...form.getInputProps('indicator')} maxLength={500} />
          <TextInput label={t('goals.baseline')} {...form.getInputProps('baseline')} maxLength={500} />
          <TextInput label={t('goals.target')} {...form.getInputProps('target')} maxLength={500} />
          <TextInput label={t('goals.targetOn')} type="date" {...form.getInputProps('targetOn')} />
        </SimpleGrid>
        {create.isError && <SaveError error={create.error} />}
        <FormButtons submitLabel={t('goals.save')} pending={create.isPending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
