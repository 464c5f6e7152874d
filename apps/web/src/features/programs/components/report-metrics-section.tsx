import { SimpleGrid } from '@mantine/core';
import type { ProgramReport } from '@yhdessa/shared';
import { useTranslation } from 'react-i18next';
import { FigureChart, FigureSection } from '../../../components/figure-section';
import { FiguresTable, type FiguresLine } from './figures-table';
import { sumFigures, targetState, useReportFormat } from './report-format';

/** Outcomes and payments by metric: two charts, and the table that holds the same figures. */
export function ReportMetricsSection({ report }: { report: ProgramReport }) {
  const { t } = useTranslation();
  const format = useReportFormat();
  const metricOf = (metricId: string) => report.program.metrics.find((metric) => metric.id === metricId)!;
  const lines: FiguresLine[] = report.metrics.map((figures) => {
    const metric = metricOf(figures.metricId);
    return {
      key: metric.id,
      label: metric.name,
      figures: figures.total,
      metric,
      trace: { metricId: metric.id },
      traceOf: t('programs.report.trace.allPayers', { metric: metric.name }),
    };
  });
  const total = sumFigures(lines.map((line) => line.figures));
  const title = t('programs.report.byMetric');
  const header = [
    t('programs.report.metric'),
    t('programs.report.reached'),
    t('programs.report.missed'),
    t('programs.report.rate'),
    t('programs.report.baseline'),
    t('programs.report.targetRate'),
    t('programs.report.targetMet'),
    t('programs.report.paymentDueEuros'),
  ];
  const csvRows = [
    header,
    ...lines.map(({ figures, metric }) => [
      metric!.name,
      figures.reached,
      figures.missed,
      format.rateForCsv(figures.rate),
      metric!.baselineRate.toFixed(1),
      metric!.targetRate.toFixed(1),
      format.target(targetState(figures, metric!)),
      format.eurosForCsv(figures.paymentDueCents),
    ]),
    [
      t('programs.report.total'),
      total.reached,
      total.missed,
      format.rateForCsv(total.rate),
      '',
      '',
      '',
      format.eurosForCsv(total.paymentDueCents),
    ],
  ];
  const decided = total.reached + total.missed > 0;
  const chartData = lines.map((line) => ({
    metric: line.label,
    reached: line.figures.reached,
    missed: line.figures.missed,
    payment: line.figures.paymentDueCents / 100,
  }));
  return (
    <FigureSection
      id="program-metrics-title"
      title={title}
      intro={t('programs.report.byMetricIntro')}
      csv={{ fileName: `programme-${report.from}-${report.to}-by-metric.csv`, rows: csvRows }}
      chart={
        decided && (
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <FigureChart
              h={240}
              data={chartData}
              dataKey="metric"
              type="stacked"
              series={[
                { name: 'reached', label: t('programs.report.reached'), color: 'teal.7' },
                { name: 'missed', label: t('programs.report.missed'), color: 'gray.5' },
              ]}
              withLegend
              yAxisLabel={t('programs.report.outcomes')}
              yAxisProps={{ allowDecimals: false }}
            />
            <FigureChart
              h={240}
              data={chartData}
              dataKey="metric"
              series={[{ name: 'payment', label: t('programs.report.paymentDue'), color: 'indigo.6' }]}
              withLegend
              valueFormatter={(euros) => format.euros(Math.round(euros * 100))}
              yAxisLabel={t('programs.report.paymentDueEuros')}
            />
          </SimpleGrid>
        )
      }
    >
      <FiguresTable
        caption={title}
        rowHeading={t('programs.report.metric')}
        lines={[
          ...lines,
          {
            key: 'total',
            label: t('programs.report.total'),
            figures: total,
            trace: {},
            traceOf: t('programs.report.trace.all'),
            total: true,
          },
        ]}
      />
    </FigureSection>
  );
}
