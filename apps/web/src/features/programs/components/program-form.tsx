import { Alert, Button, Fieldset, Group, NumberInput, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { programSchema, type Program } from '@yhdessa/shared';
import { useTranslation } from 'react-i18next';
import { ConflictAlert, SaveProblem } from '../../../components/conflict-alert';
import { DateField } from '../../../components/date-field';
import { FormButtons } from '../../../components/form-buttons';
import { SaveError } from '../../../components/save-error';
import { isApiError } from '../../../lib/api-client';
import { fieldError } from '../../../lib/form-errors';
import { formatDate, useLanguage } from '../../../lib/locale';
import { queryKeys } from '../../../lib/query-keys';
import { useVersionConflict } from '../../../lib/use-version-conflict';
import { useCreateProgram, useUpdateProgram } from '../api/programs.query';
import { MetricFields } from './metric-fields';
import { MetricList } from './metric-list';
import type { ServiceNames } from './metric-words';
import { PayerFields } from './payer-fields';
import {
  emptyMetric,
  errorKeyOf,
  formErrorsOf,
  formFieldOf,
  formValuesOf,
  parseNewProgram,
  parseProgramChange,
  type ProgramFormValues,
} from './program-form-values';

export type ProgramFormInstance = UseFormReturnType<ProgramFormValues>;

interface ProgramFormProps {
  /** The programme to edit; without it the form creates one. */
  program?: Program;
  /** The service catalogue, for the placement services a metric names. */
  services: ServiceNames;
  onSaved: (program: Program) => void;
  onCancel: () => void;
}

/** Creates or edits a programme; checked against the shared contract before it is sent. */
export function ProgramForm({ program, services, onSaved, onCancel }: ProgramFormProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const form = useForm<ProgramFormValues>({ initialValues: formValuesOf(program) });
  const create = useCreateProgram();
  const update = useUpdateProgram(program?.id ?? '');
  const save = program ? update : create;
  const conflict = useVersionConflict(programSchema);

  function refused(error: unknown) {
    conflict.capture(error);
    // A family enrolled meanwhile: the metrics are now fixed, which the programme read again shows.
    if (program && isApiError(error, 'program_metrics_fixed'))
      void queryClient.invalidateQueries({ queryKey: queryKeys.program(program.id) });
    if (isApiError(error, 'validation_failed'))
      for (const path of error.fields) {
        const field = formFieldOf(path.split('.').slice(1));
        form.setFieldError(field, errorKeyOf(field));
      }
  }

  /** Saves the form over the given saved programme (after a conflict, the one saved now). */
  function submit(over: Program | undefined) {
    const parsed = over ? parseProgramChange(form.values, over, over.version) : parseNewProgram(form.values);
    if (!parsed.success) return form.setErrors(formErrorsOf(parsed.error, form.values));
    form.clearErrors();
    const options = { onSuccess: onSaved, onError: refused };
    if (over && 'version' in parsed.data) update.mutate(parsed.data, options);
    else if (!over && 'payers' in parsed.data) create.mutate(parsed.data, options);
  }

  const current = conflict.current;
  const metricsFixed = program && !program.can.changeMetrics;
  const text = (field: keyof ProgramFormValues) => ({
    ...form.getInputProps(field),
    error: fieldError(t, form.errors, field),
  });
  const age = { allowDecimal: false, allowNegative: false, hideControls: true, min: 0, max: 25 };
  return (
    <form
      noValidate
      aria-label={program ? t('programs.form.editTitle', { name: program.name }) : t('programs.form.newTitle')}
      onSubmit={(event) => {
        event.preventDefault();
        submit(program);
      }}
    >
      <Stack gap="lg">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label={t('programs.form.name')} {...text('name')} maxLength={200} required data-autofocus />
          <TextInput
            label={t('programs.form.provider')}
            description={t('programs.form.providerHint')}
            {...text('provider')}
            maxLength={200}
            required
          />
        </SimpleGrid>
        <Textarea label={t('programs.form.description')} {...text('description')} maxLength={2000} autosize minRows={2} />
        <Fieldset legend={t('programs.form.targetGroup')}>
          <Stack gap="sm">
            <Textarea
              label={t('programs.form.targetDescription')}
              {...text('targetDescription')}
              maxLength={2000}
              autosize
              minRows={2}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <NumberInput label={t('programs.form.childAgeMin')} {...text('childAgeMin')} required {...age} />
              <NumberInput label={t('programs.form.childAgeMax')} {...text('childAgeMax')} required {...age} />
            </SimpleGrid>
            <Text size="sm" c="dimmed">
              {t('programs.form.ageHint')}
            </Text>
          </Stack>
        </Fieldset>
        <Fieldset legend={t('programs.form.period')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <DateField label={t('programs.form.startsOn')} {...text('startsOn')} required />
            <DateField label={t('programs.form.endsOn')} {...text('endsOn')} required />
          </SimpleGrid>
        </Fieldset>
        <PayerFields form={form} saved={program?.payers} />
        <Fieldset legend={t('programs.form.metrics')}>
          {metricsFixed ? (
            <Stack gap="sm">
              <Alert color="gray" variant="light">
                {t('programs.form.metricsFixed')}
              </Alert>
              <MetricList metrics={program.metrics} services={services} order={3} />
            </Stack>
          ) : (
            <Stack gap="md">
              <Text size="sm" c="dimmed">
                {t('programs.form.metricsHint')}
              </Text>
              {form.values.metrics.map((metric, index) => (
                <MetricFields
                  key={metric.key}
                  form={form}
                  index={index}
                  services={services}
                  removable={form.values.metrics.length > 1}
                />
              ))}
              {form.errors.metrics && (
                <Text size="sm" c="red" role="alert">
                  {fieldError(t, form.errors, 'metrics')}
                </Text>
              )}
              <Group>
                <Button variant="light" onClick={() => form.insertListItem('metrics', emptyMetric())}>
                  {t('programs.form.addMetric')}
                </Button>
              </Group>
            </Stack>
          )}
        </Fieldset>
        {!save.isError && Object.keys(form.errors).length > 0 && (
          <Alert color="red" variant="light" role="alert">
            {t('programs.form.checkFields')}
          </Alert>
        )}
        {isApiError(save.error, 'program_metrics_fixed') ? (
          <SaveError error={save.error} message={t('programs.form.metricsFixedNow')} />
        ) : (
          <SaveProblem
            error={save.error}
            conflict={
              current && (
                <ConflictAlert
                  pending={save.isPending}
                  onReapply={() => {
                    conflict.clear();
                    submit(current);
                  }}
                  onDiscard={() => {
                    conflict.clear();
                    queryClient.setQueryData(queryKeys.program(current.id), current);
                    onCancel();
                  }}
                >
                  <Text size="sm" fw={600}>
                    {current.name} · {current.provider}
                  </Text>
                  <Text size="sm">
                    {t('programs.periodRange', {
                      from: formatDate(current.startsOn, language),
                      to: formatDate(current.endsOn, language),
                    })}
                  </Text>
                  <Text size="sm">{current.payers.map((payer) => payer.name).join(', ')}</Text>
                </ConflictAlert>
              )
            }
          />
        )}
        {!current && (
          <FormButtons
            submitLabel={program ? t('programs.form.save') : t('programs.form.create')}
            pending={save.isPending}
            onCancel={onCancel}
          />
        )}
      </Stack>
    </form>
  );
}
