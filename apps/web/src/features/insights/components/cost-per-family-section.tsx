import { Table } from '@mantine/core';
import type { CostPerFamily } from '@yhdessa/shared';
import { useTranslation } from 'react-i18next';
import { FigureSection } from '../../../components/figure-section';
import { useFigureFormat } from './figure-format';

/** The spread of a family's yearly cost: quartiles and median, never a family. */
export function CostPerFamilySection({ figures, year }: { figures: CostPerFamily; year: number }) {
  const { t } = useTranslation();
  const format = useFigureFormat();
  const hidden = t('insights.fewerThanFive');
  const euros = (cents: number | null) => (cents === null ? hidden : format.euros(cents));
  const csvEuros = (cents: number | null) => (cents === null ? hidden : (cents / 100).toFixed(2));
  const lines: [string, string, string | number][] = [
    [
      t('insights.perFamily.families'),
      figures.families === null ? hidden : format.number(figures.families),
      figures.families ?? hidden,
    ],
    [t('insights.perFamily.lowerQuartile'), euros(figures.lowerQuartileCents), csvEuros(figures.lowerQuartileCents)],
    [t('insights.perFamily.median'), euros(figures.medianCents), csvEuros(figures.medianCents)],
    [t('insights.perFamily.upperQuartile'), euros(figures.upperQuartileCents), csvEuros(figures.upperQuartileCents)],
  ];
  return (
    <FigureSection
      id="per-family-title"
      title={t('insights.perFamily.title', { year })}
      intro={t('insights.perFamily.intro')}
      csv={{
        fileName: `cost-per-family-${year}.csv`,
        rows: [[t('insights.perFamily.figure'), t('insights.perFamily.value')], ...lines.map(([label, , csv]) => [label, csv])],
      }}
    >
      <Table verticalSpacing="xs" maw={480} aria-labelledby="per-family-title">
        <Table.Tbody>
          {lines.map(([label, shown]) => (
            <Table.Tr key={label}>
              <Table.Th scope="row" fw={600}>
                {label}
              </Table.Th>
              <Table.Td ta="right" c={figures.suppressed ? 'dimmed' : undefined}>
                {shown}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </FigureSection>
  );
}
