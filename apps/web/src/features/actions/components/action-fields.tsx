import { NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { actionFieldMaxLengths, type Action } from '@yhdessa/shared';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../components/date-field';
import { useCharacterCount, withinLength } from '../../../components/character-count';
import type { DraftKey } from '../../../lib/draft-storage';
import { useDraftForm, type DraftForm } from '../../../lib/drafts';
import { fieldError } from '../../../lib/form-errors';
import { finnishToday } from '../../../lib/locale';

export interface ActionFormValues {
  title: string;
  ownerName: string;
  dueOn: string;
  goalId: string;
}

export type ActionForm = UseFormReturnType<ActionFormValues>;

/** A goal an action may be linked to, as the reader sees it. */
export interface GoalChoice {
  id: string;
  title: string;
}

/**
 * An action's fields in a form, empty for a new action, kept as a draft until saved or cancelled.
 * Every text fits the API's limit; a due date is today or later, unless it is the date the action
 * already had.
 */
export function useActionForm(draft: DraftKey, action?: Action): DraftForm<ActionFormValues> {
  return useDraftForm<ActionFormValues>(draft, {
    version: action?.version,
    initialValues: {
      title: action?.title ?? '',
      ownerName: action?.ownerName ?? '',
      dueOn: action?.dueOn ?? '',
      goalId: action?.goalId ?? '',
    },
    validate: {
      title: (value) => (value.trim() ? withinLength(actionFieldMaxLengths.title)(value) : 'addAction.titleRequired'),
      ownerName: withinLength(actionFieldMaxLengths.ownerName),
      dueOn: (value) => (value && value !== (action?.dueOn ?? '') && value < finnishToday() ? 'goalsOverTime.dueOnPast' : null),
    },
  });
}

/** The fields as the API takes them: trimmed, an empty date or goal as null. */
export function actionFields({ title, ownerName, dueOn, goalId }: ActionFormValues) {
  return { title: title.trim(), ownerName: ownerName.trim(), dueOn: dueOn || null, goalId: goalId || null };
}

interface ActionFieldsProps {
  form: ActionForm;
  /** The goals the reader sees; without any, no goal is offered (nor changed). */
  goals: GoalChoice[];
  /** The due date the action has now: it may stay even when it has passed. */
  savedDueOn?: string | null;
}

/** What, who, by when, towards which goal; each text counted up to the length the API takes. */
export function ActionFields({ form, goals, savedDueOn }: ActionFieldsProps) {
  const { t } = useTranslation();
  const counted = useCharacterCount();
  const today = finnishToday();
  const { values } = form;
  return (
    <Stack gap="xs">
      <TextInput
        label={t('addAction.title')}
        {...form.getInputProps('title')}
        {...counted(values.title, actionFieldMaxLengths.title)}
        error={fieldError(t, form.errors, 'title')}
        required
        data-autofocus
      />
      <SimpleGrid type="container" cols={{ base: 1, '30rem': 2 }} spacing="xs">
        <TextInput
          label={t('addAction.owner')}
          {...form.getInputProps('ownerName')}
          {...counted(values.ownerName, actionFieldMaxLengths.ownerName)}
          error={fieldError(t, form.errors, 'ownerName')}
        />
        <DateField
          label={t('addAction.dueOn')}
          min={savedDueOn && savedDueOn < today ? savedDueOn : today}
          {...form.getInputProps('dueOn')}
          error={fieldError(t, form.errors, 'dueOn')}
        />
      </SimpleGrid>
      {goals.length > 0 && (
        <NativeSelect
          label={t('addAction.goal')}
          {...form.getInputProps('goalId')}
          data={[{ value: '', label: t('addAction.noGoal') }, ...goals.map((goal) => ({ value: goal.id, label: goal.title }))]}
        />
      )}
    </Stack>
  );
}
