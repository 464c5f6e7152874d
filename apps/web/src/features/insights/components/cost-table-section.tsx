import type { CostTable } from '@yhdessa/shared';
import { useTranslation } from 'react-i18next';
import { localizeText, useLanguage } from '../../../lib/locale';
import { FigureChart } from '../../../components/figure-section';
import { useFigureFormat } from './figure-format';
import { FigureTableSection, type FigureValue } from './figure-table-section';

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
  const cellOf = (cell: CostTable['total']): FigureValue => ({
    text: format.cost(cell),
    csv: format.costForCsv(cell),
    hidden: cell.suppressed,
  });
  const rows = [
    ...table.rows.map((row) => ({ label: localizeText(row.label, language), cells: [...row.cells, row.total].map(cellOf) })),
    { label: total, cells: [...table.columnTotals, table.total].map(cellOf), total: true },
  ];
  const chartData = table.columns.map((column, index) => ({
    column: columnLabel(column),
    cost: format.costForChart(table.columnTotals[index]!),
  }));

  return (
    <FigureTableSection
      id={id}
      title={title}
      intro={intro}
      rowHeading={rowHeading}
      columns={[...table.columns.map(columnLabel), total]}
      rows={rows}
      fileName={fileName}
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
    />
  );
}
