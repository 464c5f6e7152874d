import { NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SaveError } from '../../../components/save-error';
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
  const [title, setTitle] = useState('');
  const [ownerName, setOwnerName] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [goalId, setGoalId] = useState('');
  const [missing, setMissing] = useState(false);

  return (
    <form
      noValidate
      aria-label={label}
      onSubmit={(event) => {
        event.preventDefault();
        if (!title.trim()) {
          setMissing(true);
          return;
        }
        create.mutate(
          {
            serviceRoleId,
            title: title.trim(),
            ownerName: ownerName.trim(),
            dueOn: dueOn || null,
            goalId: goalId || null,
          },
          { onSuccess: onCancel },
        );
      }}
    >
      <Stack gap="xs">
        <TextInput
          label={t('addAction.title')}
          value={title}
          onChange={(e) => {
            setTitle(e.currentTarget.value);
            setMissing(false);
          }}
          error={missing ? t('addAction.titleRequired') : undefined}
          required
          maxLength={300}
          data-autofocus
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          <TextInput
            label={t('addAction.owner')}
            value={ownerName}
            onChange={(e) => setOwnerName(e.currentTarget.value)}
            maxLength={200}
          />
          <TextInput label={t('addAction.dueOn')} type="date" value={dueOn} onChange={(e) => setDueOn(e.currentTarget.value)} />
        </SimpleGrid>
        {goals.length > 0 && (
          <NativeSelect
            label={t('addAction.goal')}
            value={goalId}
            onChange={(e) => setGoalId(e.currentTarget.value)}
            data={[{ value: '', label: t('addAction.noGoal') }, ...goals.map((goal) => ({ value: goal.id, label: goal.title }))]}
          />
        )}
        {create.isError && <SaveError error={create.error} />}
        <FormButtons submitLabel={t('addAction.save')} pending={create.isPending} onCancel={onCancel} size="sm" />
      </Stack>
    </form>
  );
}
