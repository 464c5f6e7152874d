import { Button, Group, NativeSelect } from '@mantine/core';
import { programReportQuerySchema, type ProgramReportQuery } from '@yhdessa/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../components/date-field';
import { presetOf, type PeriodPreset } from './report-period';

interface PeriodChooserProps {
  period: ProgramReportQuery;
  presets: PeriodPreset[];
  onChoose: (period: ProgramReportQuery) => void;
}

const CUSTOM = 'custom';

/** Which days the report covers: a usual period, or any days from and to. */
export function PeriodChooser({ period, presets, onChoose }: PeriodChooserProps) {
  const { t } = useTranslation();
  const preset = presetOf(period, presets);
  const [custom, setCustom] = useState(!preset);
  const [from, setFrom] = useState(period.from);
  const [to, setTo] = useState(period.to);
  const [invalid, setInvalid] = useState(false);
  const show = () => {
    const parsed = programReportQuerySchema.safeParse({ from, to });
    setInvalid(!parsed.success);
    if (parsed.success) onChoose(parsed.data);
  };
  return (
    <Group align="flex-end" gap="sm">
      <NativeSelect
        label={t('programs.periods.label')}
        data={[
          ...presets.map((entry) => ({ value: entry.id, label: t(entry.label.key, entry.label.values) })),
          { value: CUSTOM, label: t('programs.periods.custom') },
        ]}
        value={custom || !preset ? CUSTOM : preset.id}
        onChange={(event) => {
          const chosen = presets.find((entry) => entry.id === event.currentTarget.value);
          setCustom(!chosen);
          setFrom(period.from);
          setTo(period.to);
          if (chosen) onChoose(chosen.period);
        }}
      />
      {(custom || !preset) && (
        // Not a form: choosing a period changes the address, which is not a submission.
        <Group align="flex-start" gap="sm" role="group" aria-label={t('programs.periods.custom')}>
          <DateField label={t('programs.periods.from')} value={from} onChange={setFrom} required />
          <DateField
            label={t('programs.periods.to')}
            value={to}
            onChange={setTo}
            error={invalid ? t('programs.periods.invalid') : undefined}
            required
          />
          <Button mt={25} onClick={show}>
            {t('programs.periods.show')}
          </Button>
        </Group>
      )}
    </Group>
  );
}
