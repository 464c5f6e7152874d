import { Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ProgramReportQuery } from '@yhdessa/shared';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ErrorState } from '../../components/error-state';
import { LoadingState } from '../../components/loading-state';
import { programQueryOptions, programReportQueryOptions } from '../../features/programs/api/programs.query';
import { PeriodChooser } from '../../features/programs/components/period-chooser';
import { ProgramReport } from '../../features/programs/components/program-report';
import { periodFrom, periodPresets } from '../../features/programs/components/report-period';
import { traceFrom } from '../../features/programs/components/trace';
import { serviceCatalogueQueryOptions } from '../../features/service-catalogue/api/service-catalogue.query';
import { isApiError } from '../../lib/api-client';
import { formatDate, useLanguage } from '../../lib/locale';
import { usePageTitle } from '../../lib/page-title';
import { paths } from '../../lib/paths';
import { NotFoundRoute } from './not-found.route';
import { ProgramsGate } from './programs.route';

/** "/programs/:programId": a programme's report for a period kept in the address, each figure traceable to its rows. */
export function ProgramReportRoute() {
  return (
    <ProgramsGate>
      <ProgramReportPage />
    </ProgramsGate>
  );
}

function ProgramReportPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const programId = useParams().programId ?? '';
  const [search, setSearch] = useSearchParams();
  const presets = useMemo(() => periodPresets(), []);
  const period = periodFrom(search, presets);
  const program = useQuery(programQueryOptions(programId));
  // The last figures stay on screen while another period's load.
  const report = useQuery({ ...programReportQueryOptions(programId, period), placeholderData: keepPreviousData });
  const services = useQuery(serviceCatalogueQueryOptions());
  usePageTitle(program.data?.name ?? t('programs.title'));

  const choose = (next: ProgramReportQuery) =>
    setSearch(
      (current) => {
        const params = new URLSearchParams(current);
        params.set('from', next.from);
        params.set('to', next.to);
        return params;
      },
      { replace: true },
    );

  if (program.isPending) return <LoadingState />;
  if (isApiError(program.error, 'not_found') || isApiError(program.error, 'validation_failed')) return <NotFoundRoute />;
  if (program.isError) return <ErrorState title={t('programs.report.loadFailed')} onRetry={() => void program.refetch()} />;
  const current = program.data;
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={paths.programs} size="sm">
        {t('programs.backToList')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Title order={1}>{current.name}</Title>
          <Text size="sm" c="dimmed">
            {t('programs.list.provider', { provider: current.provider })} ·{' '}
            {t('programs.periodRange', {
              from: formatDate(current.startsOn, language),
              to: formatDate(current.endsOn, language),
            })}
          </Text>
          {current.description && (
            <Text size="sm" maw={820}>
              {current.description}
            </Text>
          )}
        </Stack>
        {current.can.edit && (
          <Button component={Link} to={paths.editProgram(current.id)} variant="light">
            {t('programs.list.edit')}
          </Button>
        )}
      </Group>
      <Stack gap={4}>
        <PeriodChooser key={`${period.from}/${period.to}`} period={period} presets={presets} onChoose={choose} />
        <Text size="sm" role="status">
          {t('programs.report.covers', { from: formatDate(period.from, language), to: formatDate(period.to, language) })}
        </Text>
      </Stack>
      {report.isPending ? (
        <LoadingState />
      ) : report.isError ? (
        <ErrorState title={t('programs.report.loadFailed')} onRetry={() => void report.refetch()} />
      ) : (
        <ProgramReport report={report.data} period={period} services={services.data ?? []} trace={traceFrom(search)} />
      )}
    </Stack>
  );
}
