import { Group, Radio, Stack } from '@mantine/core';
import { endings, type Ending } from '@yhdessa/shared';
import { useTranslation } from 'react-i18next';
import { DateField } from './date-field';

interface EndingFieldsProps {
  /** The chosen ending and its error, translated. */
  ending: { value: Ending | ''; onChange: (value: string) => void; error?: string };
  endedOn: { value: string; onChange: (value: string) => void; error?: string };
  /** The latest day that may be chosen: today in Finland. */
  today: string;
  /** Under the date's label, e.g. that it is today unless changed. */
  dateHint?: string;
}

/** How something in the plan ended (reached, partly, not reached, dropped) and on which day. */
export function EndingFields({ ending, endedOn, today, dateHint }: EndingFieldsProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Radio.Group label={t('ending.label')} value={ending.value} onChange={ending.onChange} error={ending.error} required>
        <Stack gap="xs" mt={6}>
          {endings.map((each) => (
            <Radio key={each} value={each} label={t(`ending.${each}`)} />
          ))}
        </Stack>
      </Radio.Group>
      <Group>
        <DateField
          label={t('ending.date')}
          description={dateHint}
          max={today}
          value={endedOn.value}
          onChange={endedOn.onChange}
          error={endedOn.error}
          required
          w={{ base: '100%', xs: 220 }}
        />
      </Group>
    </Stack>
  );
}
