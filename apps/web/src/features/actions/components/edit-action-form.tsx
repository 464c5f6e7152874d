import { Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { actionSchema, type Action } from '@yhdessa/shared';
import { useTranslation } from 'react-i18next';
import { ConflictAlert, SaveProblem } from '../../../components/conflict-alert';
import { FormButtons } from '../../../components/form-buttons';
import { showRefusedFields } from '../../../lib/form-errors';
import { formatDate, useLanguage } from '../../../lib/locale';
import { invalidatePlan } from '../../../lib/query-keys';
import { useVersionConflict } from '../../../lib/use-version-conflict';
import { useUpdateAction } from '../api/update-action.mutation';
import { ActionFields, actionFields, useActionForm, type ActionFormValues, type GoalChoice } from './action-fields';
import { actionDraft } from './action-drafts';

interface EditActionFormProps {
  familyId: string;
  action: Action;
  /** The goals the reader sees; without any, the action's goal is left as it is. */
  goals: GoalChoice[];
  onDone: () => void;
}

/** An action's words, owner, due date and goal, changed on the version the user saw. */
export function EditActionForm({ familyId, action, goals, onDone }: EditActionFormProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const update = useUpdateAction(familyId);
  const conflict = useVersionConflict(actionSchema);
  const { form, version, clearDraft } = useActionForm(actionDraft(familyId, action.id), action);
  const done = () => {
    clearDraft();
    onDone();
  };

  function save(values: ActionFormValues, version: number) {
    const { goalId, ...fields } = actionFields(values);
    conflict.clear();
    update.mutate(
      // Who does not see the goals leaves the link as it is: they could not choose it.
      { actionId: action.id, body: { ...fields, ...(goals.length > 0 && { goalId }), version } },
      {
        onSuccess: done,
        onError: (error) => {
          conflict.capture(error);
          showRefusedFields(form, error, { dueOn: 'goalsOverTime.dueOnPast' });
        },
      },
    );
  }

  const current = conflict.current;
  return (
    <form
      noValidate
      aria-label={t('goalsOverTime.editActionNamed', { title: action.title })}
      onSubmit={form.onSubmit((values) => save(values, version ?? action.version))}
    >
      <Stack gap="sm">
        <ActionFields form={form} goals={goals} savedDueOn={action.dueOn} />
        <SaveProblem
          error={update.error}
          conflict={
            current && (
              <ConflictAlert
                pending={update.isPending}
                onReapply={() => save(form.getValues(), current.version)}
                onDiscard={() => {
                  invalidatePlan(queryClient, familyId);
                  done();
                }}
              >
                <ActionState action={current} />
              </ConflictAlert>
            )
          }
        />
        {!current && <FormButtons submitLabel={t('goalsOverTime.saveAction')} pending={update.isPending} onCancel={done} />}
      </Stack>
    </form>
  );
}

/** The action as it is saved now, shown when someone else changed it first. */
function ActionState({ action }: { action: Action }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Stack gap={2}>
      <Text size="sm" fw={600}>
        {action.title}
      </Text>
      <Text size="sm">
        {[
          action.ownerName && t('plan.actionOwner', { name: action.ownerName }),
          action.dueOn ? t('plan.actionDue', { date: formatDate(action.dueOn, language) }) : t('plan.actionNoDue'),
          t(`actionStatus.${action.status}`),
        ]
          .filter(Boolean)
          .join(' · ')}
      </Text>
    </Stack>
  );
}
