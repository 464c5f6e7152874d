import { Button, Group, NumberInput, SegmentedControl, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { recordServiceUsageSchema, type UsagePeriod } from '@yhdessa/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../components/date-field';
import { SaveError } from '../../../components/save-error';
import { isApiError } from '../../../lib/api-client';
import { finnishToday, numberInputFormat, useLanguage } from '../../../lib/locale';
import { useRecordServiceUsage } from '../api/service-usage.mutations';

export interface UsageRoleOption {
  serviceRoleId: string;
  serviceName: string;
}

/** A day, or a whole month in one entry: the units a service provided, with an optional note. */
export function UsageForm({ familyId, roles }: { familyId: string; roles: readonly UsageRoleOption[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const record = useRecordServiceUsage(familyId);
  const [serviceRoleId, setServiceRoleId] = useState(roles[0]?.serviceRoleId ?? '');
  const [period, setPeriod] = useState<UsagePeriod>('month');
  const [day, setDay] = useState(finnishToday());
  const [month, setMonth] = useState(finnishToday().slice(0, 7));
  const [units, setUnits] = useState<number | string>('');
  const [note, setNote] = useState('');
  const [invalid, setInvalid] = useState(false);

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const parsed = recordServiceUsageSchema.safeParse({
      serviceRoleId,
      period,
      usedOn: period === 'day' ? day : `${month}-01`,
      units: typeof units === 'number' ? units : Number.NaN,
      note,
    });
    setInvalid(!parsed.success);
    if (!parsed.success) return;
    record.mutate(parsed.data, {
      onSuccess: () => {
        setUnits('');
        setNote('');
      },
    });
  }

  const dateError = isApiError(record.error, 'validation_failed') && record.error.fields.includes('body.usedOn');
  return (
    <form onSubmit={submit} aria-label={t('usage.form.title')} noValidate>
      <Stack gap="sm">
        {roles.length > 1 && (
          <Select
            label={t('usage.form.service')}
            data={roles.map((role) => ({ value: role.serviceRoleId, label: role.serviceName }))}
            value={serviceRoleId}
            onChange={(value) => setServiceRoleId(value ?? '')}
            allowDeselect={false}
          />
        )}
        <SegmentedControl
          aria-label={t('usage.form.period')}
          value={period}
          onChange={(value) => setPeriod(value as UsagePeriod)}
          data={[
            { value: 'month', label: t('usage.period.month') },
            { value: 'day', label: t('usage.period.day') },
          ]}
        />
        <Group grow align="flex-start">
          {period === 'day' ? (
            <DateField
              label={t('usage.form.day')}
              value={day}
              onChange={setDay}
              error={dateError ? t('usage.form.dateInvalid') : undefined}
              required
            />
          ) : (
            <TextInput
              type="month"
              label={t('usage.form.month')}
              value={month}
              onChange={(event) => setMonth(event.currentTarget.value)}
              error={dateError ? t('usage.form.dateInvalid') : undefined}
              required
            />
          )}
          <NumberInput
            label={t('usage.form.units')}
            description={t('usage.form.unitsHint')}
            value={units}
            onChange={setUnits}
            min={0}
            max={100_000}
            decimalScale={2}
            {...numberInputFormat(language)}
            error={invalid ? t('usage.form.unitsInvalid') : undefined}
            required
          />
        </Group>
        <Textarea
          label={t('usage.form.note')}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          maxLength={1000}
          autosize
        />
        {record.error &&
          !dateError &&
          (isApiError(record.error, 'usage_already_recorded') ? (
            <SaveError error={record.error} message={t('usage.form.alreadyRecorded')} />
          ) : (
            <SaveError error={record.error} />
          ))}
        <Group>
          <Button type="submit" loading={record.isPending}>
            {t('usage.form.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
