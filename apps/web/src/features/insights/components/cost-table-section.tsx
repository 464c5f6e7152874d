import { Table } from '@mantine/core';
import type { CostTable } from '@yhdessa/shared';
import { useTranslation } from 'react-i18next';
import { TableScrollContainer } from '../../../components/table-scroll-container';
import { localizeText, useLanguage } from '../../../lib/locale';
import { FigureChart, FigureSection } from '../../../components/figure-section';
import { useFigureFormat } from './figure-format';

interface CostTableSectionProps {
  id: string;
  title: string;
  intro: string;
  table: CostTable;
  /** What a row is: a service or a provider. */
  rowHeading: string;
  /** What a column is (a month or a year), and its label. */
  columnHeading: string;
  columnLabel: (column: string) => string;
  fileName: string;
}

/** Costs by row and column with totals; the chart shows the column totals. */
export function CostTableSection({
  id,
  title,
  intro,
  table,
  rowHeading,
  columnHeading,
  columnLabel,
  fileName,
}: CostTableSectionProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const format = useFigureFormat();
  const total = t('insights.total');
  const header = [rowHeading, ...table.columns.map(columnLabel), total];
  const lines = [
    ...table.rows.map((row) => ({ label: localizeText(row.label, language), cells: row.cells, total: row.total })),
    { label: total, cells: table.columnTotals, total: table.total },
  ];
  const chartData = table.columns.map((column, index) => ({
    column: columnLabel(column),
    cost: format.costForChart(table.columnTotals[index]!),
  }));

  return (
    <FigureSection
      id={id}
      title={title}
      intro={intro}
      csv={{
        fileName,
        rows: [header, ...lines.map((line) => [line.label, ...line.cells.map(format.costForCsv), format.costForCsv(line.total)])],
      }}
      chart={
        // With every column total hidden or empty, a chart would draw nothing.
        table.columnTotals.some((cell) => !cell.suppressed && cell.costCents > 0) && (
          <FigureChart
            h={260}
            data={chartData}
            dataKey="column"
            series={[{ name: 'cost', label: t('insights.cost'), color: 'indigo.6' }]}
            xAxisLabel={columnHeading}
            yAxisLabel={t('insights.costAxis')}
            valueFormatter={(euros) => format.euros(Math.round(euros * 100))}
            yAxisProps={{ width: 80, tickFormatter: format.axisEuros }}
          />
        )
      }
    >
      <TableScrollContainer label={title} minWidth={Math.max(600, 110 * header.length)}>
        <Table striped verticalSpacing="xs" aria-labelledby={id}>
          <Table.Thead>
            <Table.Tr>
              {header.map((label, index) => (
                <Table.Th key={label} scope="col" ta={index === 0 ? undefined : 'right'}>
                  {label}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.map((line, index) => (
              <Table.Tr key={line.label} fw={index === lines.length - 1 ? 700 : undefined}>
                <Table.Th scope="row" fw={600}>
                  {line.label}
                </Table.Th>
                {[...line.cells, line.total].map((cell, column) => (
                  <Table.Td key={column} ta="right" c={cell.suppressed ? 'dimmed' : undefined} style={{ whiteSpace: 'nowrap' }}>
                    {format.cost(cell)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScrollContainer>
    </FigureSection>
  );
}
