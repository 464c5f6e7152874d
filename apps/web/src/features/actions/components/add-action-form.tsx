import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SaveError } from '../../../components/save-error';
import { showRefusedFields } from '../../../lib/form-errors';
import { useCreateAction } from '../api/create-action.mutation';
import { FormButtons } from '../../../components/form-buttons';
import { newActionDraft } from './action-drafts';
import { ActionFields, actionFields, useActionForm, type GoalChoice } from './action-fields';

interface AddActionFormProps {
  familyId: string;
  /** The service role that does it; null for the family's own action. */
  serviceRoleId: string | null;
  /** What the form is for, e.g. the service's name, so several forms on a page stay apart. */
  label: string;
  goals: GoalChoice[];
  onCancel: () => void;
}

/** A new action in one part of the plan: what, who, by when, towards which goal. */
export function AddActionForm({ familyId, serviceRoleId, label, goals, onCancel }: AddActionFormProps) {
  const { t } = useTranslation();
  const create = useCreateAction(familyId);
  const { form, clearDraft } = useActionForm(newActionDraft(familyId, serviceRoleId));
  const done = () => {
    clearDraft();
    onCancel();
  };

  return (
    <form
      noValidate
      aria-label={label}
      onSubmit={form.onSubmit((values) =>
        create.mutate(
          { serviceRoleId, ...actionFields(values) },
          {
            onSuccess: done,
            onError: (error) => showRefusedFields(form, error, { dueOn: 'goalsOverTime.dueOnPast' }),
          },
        ),
      )}
    >
      <Stack gap="xs">
        <ActionFields form={form} goals={goals} />
        {create.isError && <SaveError error={create.error} />}
        <FormButtons submitLabel={t('addAction.save')} pending={create.isPending} onCancel={done} size="sm" />
      </Stack>
    </form>
  );
}
