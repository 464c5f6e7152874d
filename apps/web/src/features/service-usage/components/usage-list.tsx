import { Button, Group, NumberInput, Stack, Table, Text, TextInput } from '@mantine/core';
import { serviceUsageSchema, type ServiceUsage } from '@yhdessa/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConflictAlert, SaveProblem } from '../../../components/conflict-alert';
import { RecordName, RecordTable } from '../../../components/record-table';
import {
  formatDate,
  formatDecimal,
  formatEuros,
  formatMonthYear,
  localizeText,
  numberInputFormat,
  useLanguage,
} from '../../../lib/locale';
import { unitAmount } from './unit-amount';
import { useVersionConflict } from '../../../lib/use-version-conflict';
import { useCorrectServiceUsage } from '../api/service-usage.mutations';

interface UsageListProps {
  familyId: string;
  usage: readonly ServiceUsage[];
  /** The service roles whose entries the reader may correct. */
  correctable: ReadonlySet<string>;
}

/** The recorded entries, newest first, each with its price; a correction is a new version of it. */
export function UsageList({ familyId, usage, correctable }: UsageListProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [correcting, setCorrecting] = useState<string | null>(null);
  if (usage.length === 0) return <Text c="dimmed">{t('usage.list.empty')}</Text>;
  return (
    <RecordTable
      label={t('usage.list.label')}
      minWidth={720}
      actionsLabel={t('usage.list.actions')}
      columns={[
        { label: t('usage.list.service') },
        { label: t('usage.list.when') },
        { label: t('usage.list.units'), align: 'right' },
        { label: t('usage.list.unitCost'), align: 'right' },
        { label: t('usage.list.cost'), align: 'right' },
        { label: t('usage.list.note') },
      ]}
    >
      {usage.map((entry) => {
        const service = localizeText(entry.service.name, language);
        const when = entry.period === 'month' ? formatMonthYear(entry.usedOn, language) : formatDate(entry.usedOn, language);
        // Every row has its own button: each says which entry it corrects.
        const correctLabel = t('usage.list.correctNamed', { service, when });
        return (
          <Table.Tr key={entry.id}>
            <RecordName title={service} detail={entry.recordedBy.name} />
            <Table.Td>{when}</Table.Td>
            <Table.Td ta="right">{unitAmount(t, entry.units, entry.service.unit, language)}</Table.Td>
            <Table.Td ta="right">{formatEuros(entry.unitCostCents, language)}</Table.Td>
            <Table.Td ta="right">{formatEuros(entry.costCents, language)}</Table.Td>
            <Table.Td>
              {correcting === entry.id ? (
                <CorrectionForm familyId={familyId} entry={entry} label={correctLabel} onDone={() => setCorrecting(null)} />
              ) : (
                entry.note
              )}
            </Table.Td>
            <Table.Td>
              {correctable.has(entry.serviceRoleId) && correcting !== entry.id && (
                <Button size="xs" variant="default" aria-label={correctLabel} onClick={() => setCorrecting(entry.id)}>
                  {t('usage.list.correct')}
                </Button>
              )}
            </Table.Td>
          </Table.Tr>
        );
      })}
    </RecordTable>
  );
}

interface CorrectionFormProps {
  familyId: string;
  entry: ServiceUsage;
  /** Names the entry corrected, as the button that opened the form did. */
  label: string;
  onDone: () => void;
}

/** Units and note of one entry; someone else's newer correction is shown and the user's own can go on top of it. */
function CorrectionForm({ familyId, entry, label, onDone }: CorrectionFormProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const correct = useCorrectServiceUsage(familyId, entry.id);
  const conflict = useVersionConflict(serviceUsageSchema);
  const [units, setUnits] = useState<number | string>(entry.units);
  const [note, setNote] = useState(entry.note);
  const basedOn = conflict.current ?? entry;

  function save(version: number) {
    correct.mutate(
      { units: Number(units), note, version },
      {
        onSuccess: () => {
          conflict.clear();
          onDone();
        },
        onError: conflict.capture,
      },
    );
  }

  return (
    <form
      aria-label={label}
      onSubmit={(event) => {
        event.preventDefault();
        save(basedOn.version);
      }}
    >
      <Stack gap="xs">
        <Group gap="xs" align="flex-end">
          <NumberInput
            label={t('usage.form.units')}
            value={units}
            onChange={setUnits}
            min={0}
            max={100_000}
            decimalScale={2}
            {...numberInputFormat(language)}
            w={120}
          />
          <TextInput label={t('usage.form.note')} value={note} onChange={(event) => setNote(event.currentTarget.value)} />
        </Group>
        <SaveProblem
          error={correct.error}
          conflict={
            conflict.current && (
              <ConflictAlert onReapply={() => save(conflict.current!.version)} onDiscard={onDone} pending={correct.isPending}>
                <Text size="sm">
                  {t('usage.list.savedNow', {
                    units: formatDecimal(conflict.current.units, language),
                    note: conflict.current.note || '–',
                  })}
                </Text>
              </ConflictAlert>
            )
          }
        />
        {!conflict.current && (
          <Group gap="xs">
            <Button type="submit" size="xs" loading={correct.isPending}>
              {t('usage.list.saveCorrection')}
            </Button>
            <Button size="xs" variant="default" onClick={onDone}>
              {t('usage.list.cancel')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
