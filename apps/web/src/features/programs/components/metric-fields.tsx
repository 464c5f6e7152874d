import { Button, Fieldset, Group, MultiSelect, NativeSelect, NumberInput, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { programMetricKinds, type ProgramMetricKind } from '@yhdessa/shared';
import { useTranslation } from 'react-i18next';
import { fieldError } from '../../../lib/form-errors';
import { localizeText, numberInputFormat, useLanguage } from '../../../lib/locale';
import type { ServiceNames } from './metric-words';
import type { ProgramFormInstance } from './program-form';

interface MetricFieldsProps {
  form: ProgramFormInstance;
  index: number;
  services: ServiceNames;
  removable: boolean;
}

const isKind = (value: string): value is ProgramMetricKind => (programMetricKinds as readonly string[]).includes(value);

/** One outcome metric: its name, how it is computed, and its baseline, target and payment per outcome. */
export function MetricFields({ form, index, services, removable }: MetricFieldsProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const metric = form.values.metrics[index]!;
  const path = (field: string) => `metrics.${index}.${field}`;
  const input = (field: string) => ({
    ...form.getInputProps(path(field)),
    error: fieldError(t, form.errors, path(field)),
  });
  const whole = { allowDecimal: false, allowNegative: false, hideControls: true };
  const decimals = { allowNegative: false, hideControls: true, ...numberInputFormat(language) };
  const legend = t('programs.form.metric', { number: index + 1 });
  return (
    <Fieldset legend={legend}>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label={t('programs.form.metricName')} {...input('name')} maxLength={200} required />
          <NativeSelect
            label={t('programs.form.kind')}
            data={programMetricKinds.map((kind) => ({ value: kind, label: t(`programs.kind.${kind}`) }))}
            value={metric.kind}
            onChange={(event) => {
              const kind = event.currentTarget.value;
              if (isKind(kind)) form.setFieldValue(path('kind'), kind);
            }}
          />
          <NumberInput
            label={t('programs.form.months')}
            description={t(`programs.form.monthsHint.${metric.kind}`)}
            {...input('months')}
            min={1}
            max={60}
            required
            {...whole}
          />
          {metric.kind === 'wellbeing_improved' && (
            <>
              <NumberInput label={t('programs.form.steps')} {...input('steps')} min={1} max={4} required {...whole} />
              <NumberInput label={t('programs.form.domains')} {...input('domains')} min={1} max={9} required {...whole} />
            </>
          )}
        </SimpleGrid>
        {metric.kind === 'lives_at_home' && (
          <MultiSelect
            label={t('programs.form.placementServices')}
            description={t('programs.form.placementServicesHint')}
            data={services.map((service) => ({ value: service.id, label: localizeText(service.name, language) }))}
            {...input('placementServiceIds')}
            searchable
            required
          />
        )}
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <NumberInput
            label={t('programs.form.baselineRate')}
            {...input('baselineRate')}
            min={0}
            max={100}
            decimalScale={1}
            required
            {...decimals}
          />
          <NumberInput
            label={t('programs.form.targetRate')}
            {...input('targetRate')}
            min={0}
            max={100}
            decimalScale={1}
            required
            {...decimals}
          />
          <NumberInput
            label={t('programs.form.payment')}
            {...input('payment')}
            min={0}
            max={1_000_000}
            decimalScale={2}
            required
            {...decimals}
          />
        </SimpleGrid>
        {removable && (
          <Group>
            <Button
              variant="subtle"
              color="red"
              onClick={() => form.removeListItem('metrics', index)}
              aria-label={t('programs.form.removeNamed', { name: legend })}
            >
              {t('programs.form.remove')}
            </Button>
          </Group>
        )}
      </Stack>
    </Fieldset>
  );
}
