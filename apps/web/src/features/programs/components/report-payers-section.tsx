import { Table } from '@mantine/core';
import type { ProgramReport } from '@yhdessa/shared';
import { useTranslation } from 'react-i18next';
import { FigureSection } from '../../../components/figure-section';
import { TableScrollContainer } from '../../../components/table-scroll-container';
import { FiguresTable } from './figures-table';
import { targetState, useReportFormat } from './report-format';
import { TraceLink } from './trace-link';

/** What each payer owes for which outcomes: a table per metric, and each payer's total with its families enrolled. */
export function ReportPayersSection({ report }: { report: ProgramReport }) {
  const { t } = useTranslation();
  const format = useReportFormat();
  const { program } = report;
  const payerName = (payerId: string) => program.payers.find((payer) => payer.id === payerId)?.name ?? '';
  const metricOf = (metricId: string) => program.metrics.find((metric) => metric.id === metricId)!;
  const title = t('programs.report.byPayer');
  const csvRows = [
    [
      t('programs.report.metric'),
      t('programs.report.payer'),
      t('programs.report.reached'),
      t('programs.report.missed'),
      t('programs.report.rate'),
      t('programs.report.baseline'),
      t('programs.report.targetRate'),
      t('programs.report.targetMet'),
      t('programs.report.paymentDueEuros'),
    ],
    ...report.metrics.flatMap((figures) => {
      const metric = metricOf(figures.metricId);
      return [
        ...figures.byPayer.map((line) => ({ payer: payerName(line.payerId), figures: line.figures })),
        { payer: t('programs.report.allPayers'), figures: figures.total },
      ].map((line) => [
        metric.name,
        line.payer,
        line.figures.reached,
        line.figures.missed,
        format.rateForCsv(line.figures.rate),
        metric.baselineRate.toFixed(1),
        metric.targetRate.toFixed(1),
        format.target(targetState(line.figures, metric)),
        format.eurosForCsv(line.figures.paymentDueCents),
      ]);
    }),
  ];
  const paymentsCaption = t('programs.report.paymentsByPayer');
  return (
    <FigureSection
      id="program-payers-title"
      title={title}
      intro={t('programs.report.byPayerIntro')}
      csv={{ fileName: `programme-${report.from}-${report.to}-by-payer.csv`, rows: csvRows }}
    >
      <TableScrollContainer label={paymentsCaption} minWidth={480}>
        <Table striped verticalSpacing="xs" captionSide="top" maw={720}>
          <Table.Caption ta="left" fw={600} c="dark">
            {paymentsCaption}
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('programs.report.payer')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('programs.report.enrolledAtEnd')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('programs.report.paymentDue')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.payers.map((payer) => (
              <Table.Tr key={payer.payerId}>
                <Table.Th scope="row" fw={600}>
                  {payerName(payer.payerId)}
                </Table.Th>
                <Table.Td ta="right">{format.count(payer.enrolledAtEnd)}</Table.Td>
                <Table.Td ta="right">
                  {payer.paymentDueCents > 0 ? (
                    <TraceLink
                      trace={{ payerId: payer.payerId, status: 'reached' }}
                      description={t('programs.report.trace.payerReached', { payer: payerName(payer.payerId) })}
                    >
                      {format.euros(payer.paymentDueCents)}
                    </TraceLink>
                  ) : (
                    format.euros(payer.paymentDueCents)
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr fw={700}>
              <Table.Th scope="row">{t('programs.report.total')}</Table.Th>
              <Table.Td ta="right">{format.count(report.enrolledAtEnd)}</Table.Td>
              <Table.Td ta="right">{format.euros(report.paymentDueCents)}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </TableScrollContainer>
      {report.metrics.map((figures) => {
        const metric = metricOf(figures.metricId);
        return (
          <FiguresTable
            key={metric.id}
            caption={t('programs.report.metricByPayer', { metric: metric.name })}
            rowHeading={t('programs.report.payer')}
            lines={[
              ...figures.byPayer.map((line) => ({
                key: line.payerId,
                label: payerName(line.payerId),
                figures: line.figures,
                metric,
                trace: { metricId: metric.id, payerId: line.payerId },
                traceOf: t('programs.report.trace.metricPayer', { metric: metric.name, payer: payerName(line.payerId) }),
              })),
              {
                key: 'total',
                label: t('programs.report.allPayers'),
                figures: figures.total,
                metric,
                trace: { metricId: metric.id },
                traceOf: t('programs.report.trace.allPayers', { metric: metric.name }),
                total: true,
              },
            ]}
          />
        );
      })}
    </FigureSection>
  );
}
