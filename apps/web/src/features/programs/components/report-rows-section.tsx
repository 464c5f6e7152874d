import { Anchor, Button, Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ProgramReport, ProgramReportQuery, ProgramReportRows } from '@yhdessa/shared';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState } from '../../../components/error-state';
import { FigureSection } from '../../../components/figure-section';
import { LoadingState } from '../../../components/loading-state';
import { TableScrollContainer } from '../../../components/table-scroll-container';
import { formatDate, formatMonthYear, useLanguage } from '../../../lib/locale';
import { paths } from '../../../lib/paths';
import { programReportRowsQueryOptions } from '../api/programs.query';
import { useTraceHref, type Trace } from './trace';

interface ReportRowsSectionProps {
  report: ProgramReport;
  period: ProgramReportQuery;
  trace: Trace;
}

/** The rows a figure is made of: pseudonyms for a manager, a coordinator's own families by name. */
export function ReportRowsSection({ report, period, trace }: ReportRowsSectionProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const traceHref = useTraceHref();
  const rows = useQuery({
    ...programReportRowsQueryOptions(report.program.id, { ...period, ...trace }),
    placeholderData: keepPreviousData,
  });
  const traced = JSON.stringify(trace);
  // The rows open below the tables: the reader is taken to them.
  useEffect(() => document.getElementById('program-rows-title')?.scrollIntoView({ block: 'start' }), [traced]);
  const { program } = report;
  const metricName = (id: string) => program.metrics.find((metric) => metric.id === id)?.name ?? '';
  const payerName = (id: string) => program.payers.find((payer) => payer.id === id)?.name ?? '';
  const status = (value: 'reached' | 'missed') => t(`programs.report.status.${value}`);
  const what = [
    trace.metricId ? metricName(trace.metricId) : t('programs.report.allMetrics'),
    trace.payerId ? payerName(trace.payerId) : t('programs.report.allPayers'),
    trace.status ? status(trace.status) : t('programs.report.status.decided'),
  ].join(' · ');
  const title = t('programs.rows.title', { what });

  const content = () => {
    if (rows.isPending) return { csv: undefined, body: <LoadingState /> };
    if (rows.isError)
      return { csv: undefined, body: <ErrorState title={t('programs.rows.loadFailed')} onRetry={() => void rows.refetch()} /> };
    const table = tableOf(rows.data);
    return {
      csv: {
        fileName: `programme-${period.from}-${period.to}-rows.csv`,
        rows: [table.header, ...table.lines.map((line) => line.csv)],
      },
      body: (
        <>
          {rows.data.view === 'own-families' && (
            <Text size="sm">{t('programs.rows.othersNotShown', { count: rows.data.othersNotShown })}</Text>
          )}
          {table.lines.length === 0 ? (
            <Text size="sm">{t(rows.data.view === 'own-families' ? 'programs.rows.noneOwn' : 'programs.rows.none')}</Text>
          ) : (
            <TableScrollContainer label={title} minWidth={720}>
              <Table striped verticalSpacing="xs" aria-label={title}>
                <Table.Thead>
                  <Table.Tr>
                    {table.header.map((column) => (
                      <Table.Th key={column} scope="col">
                        {column}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {table.lines.map((line) => (
                    <Table.Tr key={line.key}>
                      <Table.Th scope="row" fw={600}>
                        {line.first}
                      </Table.Th>
                      {line.csv.slice(1).map((cell, index) => (
                        <Table.Td key={index}>{cell}</Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </TableScrollContainer>
          )}
        </>
      ),
    };
  };

  function tableOf(data: ProgramReportRows) {
    const rest = [t('programs.rows.payer'), t('programs.rows.metric'), t('programs.rows.status')];
    if (data.view === 'pseudonymous')
      return {
        header: [t('programs.rows.pseudonym'), ...rest, t('programs.rows.enrolledMonth'), t('programs.rows.decidedMonth')],
        lines: data.rows.map((row, index) => ({
          key: `${row.pseudonym}-${row.metricId}-${index}`,
          first: row.pseudonym,
          csv: [
            row.pseudonym,
            payerName(row.payerId),
            metricName(row.metricId),
            status(row.status),
            formatMonthYear(row.enrolledMonth, language),
            formatMonthYear(row.decidedMonth, language),
          ],
        })),
      };
    return {
      header: [t('programs.rows.family'), ...rest, t('programs.rows.enrolledOn'), t('programs.rows.decidedOn')],
      lines: data.rows.map((row, index) => ({
        key: `${row.family.id}-${row.metricId}-${index}`,
        first: (
          <Anchor component={Link} to={paths.family(row.family.id)}>
            {row.family.name}
          </Anchor>
        ),
        csv: [
          row.family.name,
          payerName(row.payerId),
          metricName(row.metricId),
          status(row.status),
          formatDate(row.enrolledOn, language),
          formatDate(row.decidedOn, language),
        ],
      })),
    };
  }

  const { csv, body } = content();
  return (
    <FigureSection id="program-rows-title" title={title} intro={t('programs.rows.intro')} csv={csv}>
      {body}
      <div>
        <Button component={Link} to={traceHref(null)} replace variant="default">
          {t('programs.rows.close')}
        </Button>
      </div>
    </FigureSection>
  );
}
