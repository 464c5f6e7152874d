import type { CostTable, CostTablePage } from '@yhdessa/shared';
import { useTranslation } from 'react-i18next';
import { localizeText, useLanguage } from '../../../lib/locale';
import { FigureChart } from '../../../components/figure-section';
import { costTablePagesQueryOptions, fetchAllCostRows, type CostTableList } from '../api/insights.query';
import { useLaterPages } from '../hooks/use-later-pages';
import { useFigureFormat } from './figure-format';
import { FigureTableSection, type FigureValue } from './figure-table-section';
import { ShowMorePages } from './show-more-pages';

interface CostTableSectionProps {
  id: string;
  title: string;
  intro: string;
  /** The table's first page of rows, with its totals over every row. */
  table: CostTablePage;
  /** Where the rest of its rows come from. */
  list: CostTableList;
  /** What a row is: a service or a provider. */
  rowHeading: string;
  /** "Showing N of M ...": what the rows are, counted. */
  shownText: (shown: number, count: number) => string;
  /** What a column is (a month or a year), and its label. */
  columnHeading: string;
  columnLabel: (column: string) => string;
  fileName: string;
}

/**
 * Costs by row and column with totals; the chart shows the column totals. The first rows came with
 * the costs, more on request; the totals, the chart and the file cover every row.
 */
export function CostTableSection({
  id,
  title,
  intro,
  table,
  list,
  rowHeading,
  shownText,
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
  const pages = useLaterPages(table, costTablePagesQueryOptions(list, table.nextCursor), (page) => page.rows);
  const rowOf = (row: CostTable['rows'][number]) => ({
    label: localizeText(row.label, language),
    cells: [...row.cells, row.total].map(cellOf),
  });
  const totalRow = { label: total, cells: [...table.columnTotals, table.total].map(cellOf), total: true };
  const rows = [...pages.items.map(rowOf), totalRow];
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
      // The file holds every row, not only those read so far.
      allRows={pages.hasMore ? async () => [...(await fetchAllCostRows(list)).map(rowOf), totalRow] : undefined}
      footer={
        <ShowMorePages
          pages={pages}
          shown={shownText(pages.items.length, pages.count)}
          more={t('insights.costPages.more', { title })}
          failed={t('insights.costPages.failed')}
        />
      }
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
