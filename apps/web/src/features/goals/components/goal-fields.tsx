import { Checkbox, Fieldset, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import {
  ATTAINMENT_LEVEL_MAX_LENGTH,
  attainmentLevels,
  attainmentScaleKeys,
  goalFieldMaxLengths,
  type AttainmentScale,
  type Goal,
} from '@yhdessa/shared';
import { useTranslation } from 'react-i18next';
import { useCharacterCount, withinLength } from '../../../components/character-count';
import { DateField } from '../../../components/date-field';
import type { DraftKey } from '../../../lib/draft-storage';
import { useDraftForm, type DraftForm } from '../../../lib/drafts';
import { fieldError } from '../../../lib/form-errors';
import { finnishToday } from '../../../lib/locale';

const noLevels: AttainmentScale = { muchLess: '', less: '', expected: '', more: '', muchMore: '' };

export interface GoalFormValues {
  title: string;
  ownerName: string;
  indicator: string;
  baseline: string;
  target: string;
  targetOn: string;
  /** Whether the goal has attainment levels (GAS). */
  useLevels: boolean;
  levels: AttainmentScale;
}

export type GoalForm = UseFormReturnType<GoalFormValues>;

const levelText = withinLength(ATTAINMENT_LEVEL_MAX_LENGTH);

/**
 * The goal's words in a form, empty for a new goal, kept as a draft until saved or cancelled.
 * Every text fits the API's limit; a target date is today or later, unless it is the date the goal
 * already had; with levels, the expected outcome must be described.
 */
export function useGoalForm(draft: DraftKey, goal?: Goal): DraftForm<GoalFormValues> {
  return useDraftForm<GoalFormValues>(draft, {
    version: goal?.version,
    initialValues: {
      title: goal?.title ?? '',
      ownerName: goal?.ownerName ?? '',
      indicator: goal?.indicator ?? '',
      baseline: goal?.baseline ?? '',
      target: goal?.target ?? '',
      targetOn: goal?.targetOn ?? '',
      useLevels: Boolean(goal?.attainmentScale),
      levels: goal?.attainmentScale ?? noLevels,
    },
    validate: {
      title: (value) => (value.trim() ? withinLength(goalFieldMaxLengths.title)(value) : 'goals.titleRequired'),
      ownerName: withinLength(goalFieldMaxLengths.ownerName),
      indicator: withinLength(goalFieldMaxLengths.indicator),
      baseline: withinLength(goalFieldMaxLengths.baseline),
      target: withinLength(goalFieldMaxLengths.target),
      targetOn: (value) => (value && value !== (goal?.targetOn ?? '') && value < finnishToday() ? 'goals.targetOnPast' : null),
      levels: {
        muchLess: (value, values) => (values.useLevels ? levelText(value) : null),
        less: (value, values) => (values.useLevels ? levelText(value) : null),
        expected: (value, values) => (!values.useLevels ? null : value.trim() ? levelText(value) : 'goals.expectedRequired'),
        more: (value, values) => (values.useLevels ? levelText(value) : null),
        muchMore: (value, values) => (values.useLevels ? levelText(value) : null),
      },
    },
  });
}

/** The words of the goal as the API takes them: trimmed, empty dates and levels as null. */
export function goalWords({ useLevels, levels, targetOn, ...values }: GoalFormValues) {
  const trimmed = (text: string) => text.trim();
  return {
    title: trimmed(values.title),
    ownerName: trimmed(values.ownerName),
    indicator: trimmed(values.indicator),
    baseline: trimmed(values.baseline),
    target: trimmed(values.target),
    targetOn: targetOn || null,
    attainmentScale: useLevels
      ? {
          muchLess: trimmed(levels.muchLess),
          less: trimmed(levels.less),
          expected: trimmed(levels.expected),
          more: trimmed(levels.more),
          muchMore: trimmed(levels.muchMore),
        }
      : null,
  };
}

interface GoalFieldsProps {
  form: GoalForm;
  /** The target date the goal has now: it may stay even when it has passed. */
  savedTargetOn?: string | null;
  /** Attainment levels are offered to those who keep the goals in shape, and only while a goal is open. */
  offerLevels: boolean;
}

/** Every field of a goal, each counted up to the length the API takes. */
export function GoalFields({ form, offerLevels, savedTargetOn }: GoalFieldsProps) {
  const { t } = useTranslation();
  const counted = useCharacterCount();
  const { values } = form;
  const today = finnishToday();
  const text = (field: keyof typeof goalFieldMaxLengths) => ({
    ...form.getInputProps(field),
    ...counted(values[field], goalFieldMaxLengths[field]),
    error: fieldError(t, form.errors, field),
  });
  return (
    <Stack gap="sm">
      <TextInput label={t('goals.title')} description={t('goals.titleHint')} {...text('title')} required data-autofocus />
      <SimpleGrid type="container" cols={{ base: 1, '30rem': 2 }} spacing="sm">
        <TextInput label={t('goals.owner')} {...text('ownerName')} />
        <TextInput label={t('goals.indicator')} {...text('indicator')} />
        <TextInput label={t('goals.baseline')} {...text('baseline')} />
        <TextInput label={t('goals.target')} {...text('target')} />
        <DateField
          label={t('goals.targetOn')}
          min={savedTargetOn && savedTargetOn < today ? savedTargetOn : today}
          {...form.getInputProps('targetOn')}
          error={fieldError(t, form.errors, 'targetOn')}
        />
      </SimpleGrid>
      {offerLevels && (
        <Stack gap="xs">
          <Checkbox
            label={t('goals.useLevels')}
            description={t('goals.useLevelsHint')}
            {...form.getInputProps('useLevels', { type: 'checkbox' })}
          />
          {values.useLevels && (
            <Fieldset legend={t('goals.levelsTitle')} p="sm">
              <Stack gap="xs">
                {attainmentLevels.map((level) => {
                  const key = attainmentScaleKeys[level];
                  return (
                    <Textarea
                      key={key}
                      label={t(`attainment.level.${key}`)}
                      {...form.getInputProps(`levels.${key}`)}
                      {...counted(values.levels[key], ATTAINMENT_LEVEL_MAX_LENGTH)}
                      error={fieldError(t, form.errors, `levels.${key}`)}
                      required={key === 'expected'}
                      autosize
                      minRows={1}
                    />
                  );
                })}
              </Stack>
            </Fieldset>
          )}
        </Stack>
      )}
    </Stack>
  );
}
