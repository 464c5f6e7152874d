import { Card, SimpleGrid, Text } from '@mantine/core';
import type { ProgramReport } from '@yhdessa/shared';
import { useTranslation } from 'react-i18next';
import { useReportFormat } from './report-format';
import { TraceLink } from './trace-link';

/** The period's figures in brief: what is due, what was reached, who is enrolled, and what their services cost. */
export function ReportHeadline({ report }: { report: ProgramReport }) {
  const { t } = useTranslation();
  const format = useReportFormat();
  const reached = report.metrics.reduce((sum, metric) => sum + metric.total.reached, 0);
  const figures = [
    { label: t('programs.report.paymentDue'), value: format.euros(report.paymentDueCents) },
    {
      label: t('programs.report.outcomesReached'),
      value: (
        <TraceLink trace={{ status: 'reached' }} description={t('programs.report.traceAllReached')}>
          {format.count(reached)}
        </TraceLink>
      ),
    },
    { label: t('programs.report.enrolledAtEnd'), value: format.count(report.enrolledAtEnd) },
    { label: t('programs.report.cost'), value: format.euros(report.costCents) },
    {
      label: t('programs.report.costPerOutcome'),
      value: report.costPerOutcomeCents === null ? t('programs.report.noOutcomes') : format.euros(report.costPerOutcomeCents),
    },
  ];
  return (
    <SimpleGrid component="dl" cols={{ base: 1, xs: 2, md: 5 }} spacing="sm" m={0}>
      {figures.map((figure) => (
        <Card key={figure.label} withBorder padding="md">
          {/* A dl's group may be one div of a dt and its dd. */}
          <Text component="dt" size="sm" c="dimmed">
            {figure.label}
          </Text>
          <Text component="dd" m={0} mt={4} fz="xl" fw={700}>
            {figure.value}
          </Text>
        </Card>
      ))}
    </SimpleGrid>
  );
}
