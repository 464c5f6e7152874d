import { Button, Group, NumberInput, Stack, Table, Text } from '@mantine/core';
import { setReferenceCostSchema, type ReferenceCostList } from '@yhdessa/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../components/date-field';
import { SaveError } from '../../../components/save-error';
import { formatDate, formatEuros, numberInputFormat, useLanguage } from '../../../lib/locale';
import { useSetReferenceCost } from '../api/reference-costs.query';

type ReferenceCostEntry = ReferenceCostList['referenceCosts'][number];

/** Each heavy service's yearly reference cost, with its history and a form for a new figure from a date on. */
export function ReferenceCostsTable({ referenceCosts }: { referenceCosts: readonly ReferenceCostEntry[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      {referenceCosts.map((cost) => (
        <Stack key={cost.kind} gap="xs" component="section" aria-labelledby={`reference-${cost.kind}`}>
          <Text fw={600} id={`reference-${cost.kind}`}>
            {t(`referenceCosts.kind.${cost.kind}`)}
          </Text>
          <PeriodTable cost={cost} />
          <ReferenceCostForm cost={cost} />
        </Stack>
      ))}
    </Stack>
  );
}

function PeriodTable({ cost }: { cost: ReferenceCostEntry }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Table aria-label={t('referenceCosts.historyLabel', { kind: t(`referenceCosts.kind.${cost.kind}`) })}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('referenceCosts.validFrom')}</Table.Th>
          <Table.Th scope="col" ta="right">
            {t('referenceCosts.yearlyCost')}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {cost.periods.map((period) => (
          <Table.Tr key={period.validFrom} fw={period.validFrom === cost.validFrom ? 600 : undefined}>
            <Table.Td>
              {formatDate(period.validFrom, language)}
              {period.validFrom === cost.validFrom && ` (${t('referenceCosts.current')})`}
            </Table.Td>
            <Table.Td ta="right">{formatEuros(period.yearlyCostCents, language)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function ReferenceCostForm({ cost }: { cost: ReferenceCostEntry }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const set = useSetReferenceCost(cost.kind);
  const [euros, setEuros] = useState<number | string>('');
  const [validFrom, setValidFrom] = useState('');
  const [invalid, setInvalid] = useState(false);
  const kind = t(`referenceCosts.kind.${cost.kind}`);

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const parsed = setReferenceCostSchema.safeParse({
      yearlyCostCents: typeof euros === 'number' ? Math.round(euros * 100) : Number.NaN,
      ...(validFrom ? { validFrom } : {}),
    });
    setInvalid(!parsed.success);
    if (parsed.success) set.mutate(parsed.data, { onSuccess: () => setEuros('') });
  }

  return (
    <form onSubmit={submit} aria-label={t('referenceCosts.formLabel', { kind })} noValidate>
      <Group align="flex-end" gap="sm">
        <NumberInput
          label={t('referenceCosts.newCost')}
          value={euros}
          onChange={setEuros}
          min={0}
          decimalScale={2}
          {...numberInputFormat(language, { euros: true })}
          error={invalid ? t('referenceCosts.invalid') : undefined}
          required
        />
        <DateField
          label={t('referenceCosts.validFrom')}
          description={t('referenceCosts.validFromHint')}
          value={validFrom}
          onChange={setValidFrom}
        />
        <Button type="submit" loading={set.isPending}>
          {t('referenceCosts.save')}
        </Button>
      </Group>
      {set.error && <SaveError error={set.error} />}
    </form>
  );
}
