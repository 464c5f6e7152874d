import { NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { isNotEmpty, useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../components/date-field';
import { SaveError } from '../../../components/save-error';
import { fieldError } from '../../../lib/form-errors';
import { useCreateAction } from '../api/create-action.mutation';
import { FormButtons } from '../../../components/form-buttons';

interface AddActionFormProps {
  familyId: string;
  /** The service role that does it; null for the family's own action. */
  serviceRoleId: string | null;
  /** What the form is for, e.g. the service's name, so several forms on a page stay apart. */
  label: string;
  goals: { id: string; title: string }[];
  onCancel: () => void;
}

/** A new action in one part of the plan: what, who, by when, towards which goal. */
export function AddActionForm({ familyId, serviceRoleId, label, goals, onCancel }: AddActionFormProps) {
  const { t } = useTranslation();
  const create = useCreateAction(familyId);
  const form = useForm({
    initialValues: { title: '', ownerName: '', dueOn: '', goalId: '' },
    validate: { title: isNotEmpty('addAction.titleRequired') },
  });

  return (
    <form
      noValidate
      aria-label={label}
      onSubmit={form.onSubmit((values) =>
        create.mutate(
          {
            serviceRoleId,
            title: values.title.trim(),
            ownerName: values.ownerName.trim(),
            dueOn: values.dueOn || null,
            goalId: values.goalId || null,
          },
          { onSuccess: onCancel },
        ),
      )}
    >
      <Stack gap="xs">
        <TextInput
          label={t('addAction.title')}
          {...form.getInputProps('title')}
          error={fieldError(t, form.errors, 'title')}
          required
          maxLength={300}
          data-autofocus
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          <TextInput label={t('addAction.owner')} {...form.getInputProps('ownerName')} maxLength={200} />
          <DateField label={t('addAction.dueOn')} {...form.getInputProps('dueOn')} />
        </SimpleGrid>
        {goals.length > 0 && (
          <NativeSelect
            label={t('addAction.goal')}
            {...form.getInputProps('goalId')}
            data={[{ value: '', label: t('addAction.noGoal') }, ...goals.map((goal) => ({ value: goal.id, label: goal.title }))]}
          />
        )}
        {create.isError && <SaveError error={create.error} />}
        <FormButtons submitLabel={t('addAction.save')} pending={create.isPending} onCancel={onCancel} size="sm" />
      </Stack>
    </form>
  );
}
