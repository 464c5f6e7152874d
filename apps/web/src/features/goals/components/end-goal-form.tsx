import { Button, Group, Radio, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { attainmentLevels, attainmentScaleKeys, goalSchema, type AttainmentLevel, type Ending, type Goal } from '@yhdessa/shared';
import { useTranslation } from 'react-i18next';
import { SaveProblem } from '../../../components/conflict-alert';
import { EndingFields } from '../../../components/ending-fields';
import { fieldError, showRefusedFields } from '../../../lib/form-errors';
import { finnishToday } from '../../../lib/locale';
import { useVersionConflict } from '../../../lib/use-version-conflict';
import { useChangeGoal } from '../api/goal.mutations';
import { GoalConflict } from './goal-state';

interface EndGoalFormProps {
  familyId: string;
  goal: Goal;
  onDone: () => void;
}

interface EndingValues {
  ending: Ending | '';
  endedOn: string;
  /** The attained level as the radio buttons hold it: `-2` to `2`, or empty. */
  level: string;
}

/**
 * How the goal ended and on which day, today unless changed; a goal with attainment levels that
 * was not dropped also records the level it reached. An ended goal's ending can be corrected here.
 */
export function EndGoalForm({ familyId, goal, onDone }: EndGoalFormProps) {
  const { t } = useTranslation();
  const change = useChangeGoal(familyId);
  const conflict = useVersionConflict(goalSchema);
  const today = finnishToday();
  const scale = goal.attainmentScale;
  const form = useForm<EndingValues>({
    initialValues: {
      ending: goal.status === 'open' ? '' : goal.status,
      endedOn: goal.endedOn ?? today,
      level: goal.attainedLevel === null ? '' : String(goal.attainedLevel),
    },
    validate: {
      ending: (value) => (value ? null : 'ending.required'),
      endedOn: (value) => (!value ? 'ending.dateRequired' : value > today ? 'ending.dateFuture' : null),
      level: (value, values) => (scale && values.ending !== 'dropped' && !value ? 'goals.attainedLevelRequired' : null),
    },
  });
  const { values } = form;
  const levelled = scale !== null && values.ending !== '' && values.ending !== 'dropped';

  function send({ ending, endedOn, level }: EndingValues, version: number) {
    if (!ending) return;
    conflict.clear();
    const attainedLevel = levelled && level !== '' ? (Number(level) as AttainmentLevel) : null;
    change.mutate(
      { kind: 'end', goalId: goal.id, body: { ending, endedOn, attainedLevel, version } },
      {
        onSuccess: onDone,
        onError: (error) => {
          conflict.capture(error);
          showRefusedFields(form, error, { endedOn: 'ending.dateInvalid', attainedLevel: 'goals.attainedLevelRequired' });
        },
      },
    );
  }

  const current = conflict.current;
  return (
    <form
      noValidate
      aria-label={t('goals.endNamed', { title: goal.title })}
      onSubmit={form.onSubmit((submitted) => send(submitted, goal.version))}
    >
      <Stack gap="md">
        <EndingFields
          ending={{
            value: values.ending,
            onChange: (value) => form.setFieldValue('ending', value as Ending),
            error: fieldError(t, form.errors, 'ending'),
          }}
          endedOn={{
            value: values.endedOn,
            onChange: (value) => form.setFieldValue('endedOn', value),
            error: fieldError(t, form.errors, 'endedOn'),
          }}
          today={today}
          dateHint={goal.status === 'open' ? t('ending.dateHint') : undefined}
        />
        {levelled && (
          <Radio.Group
            label={t('goals.attainedLevel')}
            description={t('goals.attainedLevelHint')}
            {...form.getInputProps('level')}
            error={fieldError(t, form.errors, 'level') ?? fieldError(t, form.errors, 'attainedLevel')}
            required
          >
            <Stack gap="xs" mt={6}>
              {attainmentLevels.map((level) => {
                const key = attainmentScaleKeys[level];
                return (
                  <Radio
                    key={level}
                    value={String(level)}
                    label={t(`attainment.level.${key}`)}
                    description={scale[key] || undefined}
                  />
                );
              })}
            </Stack>
          </Radio.Group>
        )}
        {values.ending === 'dropped' && scale && (
          <Text size="sm" c="dimmed">
            {t('goals.droppedNoLevel')}
          </Text>
        )}
        <SaveProblem
          error={change.error}
          conflict={
            current && (
              <GoalConflict
                familyId={familyId}
                current={current}
                pending={change.isPending}
                onReapply={() => send(form.getValues(), current.version)}
                onDone={onDone}
              />
            )
          }
        />
        {!current && (
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onDone} disabled={change.isPending}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={change.isPending}>
              {t('goals.endSave')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
