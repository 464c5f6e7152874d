import { Alert, Card, Stack, Text, Title } from '@mantine/core';
import type { ProgramReport as Report, ProgramReportQuery } from '@yhdessa/shared';
import { useTranslation } from 'react-i18next';
import { formatDateTimeParts, useLanguage } from '../../../lib/locale';
import { MetricList } from './metric-list';
import type { ServiceNames } from './metric-words';
import { ReportHeadline } from './report-headline';
import { ReportMetricsSection } from './report-metrics-section';
import { ReportPayersSection } from './report-payers-section';
import { ReportRowsSection } from './report-rows-section';
import type { Trace } from './trace';

interface ProgramReportProps {
  report: Report;
  period: ProgramReportQuery;
  services: ServiceNames;
  /** The figure whose rows are open, if any. */
  trace: Trace | null;
}

/** A period's report: the headline figures, by metric and by payer, the definitions, and the rows of a figure. */
export function ProgramReport({ report, period, services, trace }: ProgramReportProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const decided = report.metrics.some((metric) => metric.total.reached + metric.total.missed > 0);
  const generated = formatDateTimeParts(report.generatedAt, language);
  return (
    <Stack gap="lg">
      <ReportHeadline report={report} />
      {!decided && (
        <Alert color="blue" variant="light" title={t('programs.report.nothingDecidedTitle')}>
          {t('programs.report.nothingDecided')}
        </Alert>
      )}
      <ReportMetricsSection report={report} />
      <ReportPayersSection report={report} />
      <Card component="section" withBorder padding="lg" aria-labelledby="program-definitions-title">
        <Stack gap="md">
          <Title order={2} size="h3" id="program-definitions-title">
            {t('programs.report.definitions')}
          </Title>
          <MetricList metrics={report.program.metrics} services={services} order={3} />
        </Stack>
      </Card>
      {trace && <ReportRowsSection report={report} period={period} trace={trace} />}
      <Text size="xs" c="dimmed">
        {t('programs.report.generatedAt', { date: generated.date, time: generated.time })}
      </Text>
    </Stack>
  );
}
