import { Table } from '@mantine/core';
import type { HistoricalCostImport } from '@yhdessa/shared';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { TableScrollContainer } from '../../../components/table-scroll-container';
import { formatDateTimeParts, useLanguage } from '../../../lib/locale';
import { FigureChart, FigureSection } from '../../../components/figure-section';
import { useFigureFormat } from './figure-format';

const csvEuros = (cents: number | null) => (cents === null ? '' : (cents / 100).toFixed(2));

/** One imported file per service and year, each year closed by its total; the file's own per-client figure beside ours. */
export function HistoricalCostsSection({ file }: { file: HistoricalCostImport }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { euros, axisEuros, number } = useFigureFormat();
  const id = `historical-${file.id}`;
  const title = t('insights.historical.title', { source: file.source });
  const serviceName = (service: HistoricalCostImport['rows'][number]['service']) => (language === 'en' ? service.en : service.fi);
  const optionalEuros = (cents: number | null) => (cents === null ? '–' : euros(cents));
  const header = [
    t('insights.historical.year'),
    t('insights.historical.service'),
    t('insights.historical.clients'),
    t('insights.historical.totalCost'),
    t('insights.historical.reportedPerClient'),
    t('insights.historical.computedPerClient'),
  ];
  const yearTotal = (year: number) => t('insights.historical.yearTotal', { year });
  const years = file.yearTotals.map((total) => ({ total, rows: file.rows.filter((row) => row.year === total.year) }));

  return (
    <FigureSection
      id={id}
      title={title}
      intro={t('insights.historical.intro', { date: formatDateTimeParts(file.importedAt, language).date })}
      csv={{
        fileName: `historical-costs-${file.source.replace(/\.csv$/i, '')}.csv`,
        rows: [
          header,
          ...years.flatMap(({ total, rows }) => [
            ...rows.map((row) => [
              row.year,
              serviceName(row.service),
              row.clients,
              csvEuros(row.totalCostCents),
              csvEuros(row.reportedCostPerClientCents),
              csvEuros(row.computedCostPerClientCents),
            ]),
            [total.year, yearTotal(total.year), total.clients, csvEuros(total.totalCostCents), '', ''],
          ]),
        ],
      }}
      chart={
        <FigureChart
          h={220}
          data={file.yearTotals.map((total) => ({ year: String(total.year), cost: total.totalCostCents / 100 }))}
          dataKey="year"
          series={[{ name: 'cost', label: t('insights.cost'), color: 'grape.6' }]}
          xAxisLabel={t('insights.yearAxis')}
          yAxisLabel={t('insights.costAxis')}
          valueFormatter={(value) => euros(Math.round(value * 100))}
          yAxisProps={{ width: 80, tickFormatter: axisEuros }}
        />
      }
    >
      <TableScrollContainer label={title} minWidth={820}>
        <Table verticalSpacing="xs" aria-labelledby={id}>
          <Table.Thead>
            <Table.Tr>
              {header.map((label, index) => (
                <Table.Th key={label} scope="col" ta={index < 2 ? undefined : 'right'}>
                  {label}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {years.map(({ total, rows }) => (
              <Fragment key={total.year}>
                {rows.map((row) => (
                  <Table.Tr key={row.service.fi}>
                    <Table.Td>{row.year}</Table.Td>
                    <Table.Th scope="row" fw={400}>
                      {serviceName(row.service)}
                    </Table.Th>
                    <Table.Td ta="right">{number(row.clients)}</Table.Td>
                    <Table.Td ta="right">{euros(row.totalCostCents)}</Table.Td>
                    <Table.Td ta="right">{optionalEuros(row.reportedCostPerClientCents)}</Table.Td>
                    <Table.Td ta="right">{optionalEuros(row.computedCostPerClientCents)}</Table.Td>
                  </Table.Tr>
                ))}
                <Table.Tr fw={700} bg="gray.0">
                  <Table.Td>{total.year}</Table.Td>
                  <Table.Th scope="row">{yearTotal(total.year)}</Table.Th>
                  <Table.Td ta="right">{number(total.clients)}</Table.Td>
                  <Table.Td ta="right">{euros(total.totalCostCents)}</Table.Td>
                  <Table.Td />
                  <Table.Td />
                </Table.Tr>
              </Fragment>
            ))}
          </Table.Tbody>
        </Table>
      </TableScrollContainer>
    </FigureSection>
  );
}
