import { DateInput, DatesProvider, type DateInputProps } from '@mantine/dates';
import '@mantine/dates/styles.css';
import 'dayjs/locale/fi';
import 'dayjs/locale/sv';
import { useState, type FocusEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatSpokenDate, parseTypedDate, useLanguage } from '../lib/locale';

type DateFieldProps = Omit<
  DateInputProps,
  'value' | 'defaultValue' | 'onChange' | 'minDate' | 'maxDate' | 'valueFormat' | 'dateParser' | 'fixOnBlur'
> & {
  /** The day as `YYYY-MM-DD`; '' (or nothing, from a form not yet filled) for none. */
  value?: string;
  onChange: (value: string) => void;
  /** The first and last day allowed, `YYYY-MM-DD`. */
  min?: string;
  max?: string;
};

type Problem = 'format' | 'early' | 'late';

const isoDay = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A day, typed as the user's language writes it (`27.11.2026`, `27 Nov 2026`) or picked from a
 * calendar named in that language; the form gets `YYYY-MM-DD` or ''. A native date input would
 * follow the browser's language instead. Text that is not a whole day in range reaches the form as
 * it is (for the form to refuse) and, once the user leaves the field, says what is wrong rather
 * than quietly undoing it.
 * An optional field has a button that clears it.
 */
export function DateField({
  value,
  onChange,
  min,
  max,
  required,
  error,
  clearable = !required,
  onBlur,
  ...props
}: DateFieldProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [problem, setProblem] = useState<Problem | null>(null);

  const problemOf = (text: string): Problem | null => {
    if (!text.trim()) return null;
    const day = parseTypedDate(text, language);
    if (!day) return 'format';
    if (min && day < min) return 'early';
    if (max && day > max) return 'late';
    return null;
  };
  const problemText = (found: Problem) =>
    found === 'format'
      ? t('dateInput.format')
      : t(`dateInput.${found}`, { date: formatDate((found === 'early' ? min : max)!, language) });

  return (
    // Calendars name months and weekdays in the user's language, weeks from Monday as in Finland.
    // No weekend days: Mantine draws them in a red that falls under AA contrast for small text.
    <DatesProvider settings={{ locale: language, firstDayOfWeek: 1, weekendDays: [] }}>
      <DateInput
        placeholder={t('dateInput.placeholder')}
        {...props}
        required={required}
        clearable={clearable}
        clearButtonProps={{ 'aria-label': t('dateInput.clear') }}
        value={value && isoDay.test(value) ? value : null}
        onChange={(day) => {
          setProblem(null);
          onChange(day ?? '');
        }}
        // The picker itself keeps the last good day while the text is wrong; the form must not, nor
        // may it see an empty field (an optional date would be cleared): it gets the day out of range,
        // or the text that is no day, and refuses it by its own rules.
        onInput={(event) => {
          setProblem(null);
          const text = event.currentTarget.value;
          if (!text.trim()) onChange('');
          else if (problemOf(text)) onChange(parseTypedDate(text, language) ?? text);
        }}
        onBlur={(event: FocusEvent<HTMLInputElement>) => {
          setProblem(problemOf(event.currentTarget.value));
          onBlur?.(event);
        }}
        error={problem ? problemText(problem) : error}
        minDate={min}
        maxDate={max}
        valueFormat={(day) => formatDate(day, language)}
        dateParser={(text) => parseTypedDate(text, language)}
        fixOnBlur={false}
        // The neighbouring months' days would be drawn in a grey under AA contrast, yet clickable.
        hideOutsideDates
        getDayAriaLabel={(day) => formatSpokenDate(day, language)}
        ariaLabels={{
          previousMonth: t('dateInput.previousMonth'),
          nextMonth: t('dateInput.nextMonth'),
          monthLevelControl: t('dateInput.chooseMonth'),
          previousYear: t('dateInput.previousYear'),
          nextYear: t('dateInput.nextYear'),
          yearLevelControl: t('dateInput.chooseYear'),
          previousDecade: t('dateInput.previousDecade'),
          nextDecade: t('dateInput.nextDecade'),
        }}
      />
    </DatesProvider>
  );
}
