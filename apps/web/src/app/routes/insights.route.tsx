import { NativeSelect, Stack, Tabs, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { InsightsChangeRequest } from '@yhdessa/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorState } from '../../components/error-state';
import { LoadingState } from '../../components/loading-state';
import { currentUserQueryOptions } from '../../features/auth/api/current-user.query';
import { demoAccountsQueryOptions } from '../../features/auth/api/demo-accounts.query';
import {
  historicalCostsQueryOptions,
  insightsCaseloadsQueryOptions,
  insightsChangeQueryOptions,
  insightsCostsQueryOptions,
  insightsForecastQueryOptions,
  insightsOutcomesQueryOptions,
} from '../../features/insights/api/insights.query';
import { CaseloadSection } from '../../features/insights/components/caseload-section';
import { ChangeSection } from '../../features/insights/components/change-section';
import { CostPerFamilySection } from '../../features/insights/components/cost-per-family-section';
import { CostTableSection } from '../../features/insights/components/cost-table-section';
import { ForecastSection } from '../../features/insights/components/forecast-section';
import { DistributionSection } from '../../features/insights/components/distribution-section';
import { HistoricalCostImport } from '../../features/insights/components/historical-cost-import';
import { HistoricalCostsSection } from '../../features/insights/components/historical-costs-section';
import { OutcomesPart } from '../../features/insights/components/outcomes-part';
import { formatMonth, useLanguage } from '../../lib/locale';
import { usePageTitle } from '../../lib/page-title';
import { useSearchParamSetter } from '../../lib/use-search-param-setter';
import { NotFoundRoute } from './not-found.route';

/** "/insights": the manager's area, figures without names. Anyone else finds no page here, as the API answers them 404. */
export function InsightsRoute() {
  const { t } = useTranslation();
  usePageTitle(t('insights.title'));
  const currentUser = useQuery(currentUserQueryOptions());
  // Costs and outcomes are two long pages in one: the address keeps which one is open.
  const view = useSearchParams()[0].get('view') === 'outcomes' ? 'outcomes' : 'costs';
  const setParam = useSearchParamSetter();
  if (currentUser.data?.role !== 'manager') return <NotFoundRoute />;
  return (
    <Stack gap="lg">
      <Stack gap={2}>
        <Title order={1}>{t('insights.title')}</Title>
        <Text size="sm" c="dimmed" maw={820}>
          {t('insights.intro')}
        </Text>
      </Stack>
      <Tabs value={view} onChange={(next) => setParam('view', next === 'outcomes' ? next : null)} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="costs">{t('outcomes.costsTab')}</Tabs.Tab>
          <Tabs.Tab value="outcomes">{t('outcomes.tab')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="costs" pt="lg">
          <Stack gap="lg">
            <CostFigures />
            <ForecastFigures />
            <ChangeFigures />
            <CaseloadFigures />
            <HistoricalFigures />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="outcomes" pt="lg">
          <OutcomeFigures />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function CostFigures() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [year, setYear] = useState<number | null>(null);
  const costs = useQuery(insightsCostsQueryOptions(year));
  if (costs.isPending) return <LoadingState />;
  if (costs.isError) return <ErrorState title={t('insights.loadFailed')} onRetry={() => void costs.refetch()} />;
  const data = costs.data;
  const years = [...new Set([...data.years, data.year])].sort((a, b) => b - a);
  const month = (column: string) => formatMonth(column, language);
  return (
    <>
      <NativeSelect
        label={t('insights.year')}
        maw={160}
        data={years.map(String)}
        value={String(data.year)}
        onChange={(event) => setYear(Number(event.currentTarget.value))}
      />
      <CostTableSection
        id="by-service-month-title"
        title={t('insights.byServiceMonth.title', { year: data.year })}
        intro={t('insights.byServiceMonth.intro')}
        table={data.byServiceMonth}
        list={{ table: 'byServiceMonth', year: data.year }}
        rowHeading={t('insights.service')}
        shownText={(shown, count) => t('insights.costPages.services', { shown, count })}
        columnHeading={t('insights.monthAxis')}
        columnLabel={month}
        fileName={`costs-by-service-${data.year}.csv`}
      />
      <CostPerFamilySection figures={data.perFamily} year={data.year} />
      <CostTableSection
        id="by-organisation-month-title"
        title={t('insights.byOrganisationMonth.title', { year: data.year })}
        intro={t('insights.byOrganisationMonth.intro')}
        table={data.byOrganisationMonth}
        list={{ table: 'byOrganisationMonth', year: data.year }}
        rowHeading={t('insights.organisation')}
        shownText={(shown, count) => t('insights.costPages.providers', { shown, count })}
        columnHeading={t('insights.monthAxis')}
        columnLabel={month}
        fileName={`costs-by-provider-${data.year}.csv`}
      />
      <CostTableSection
        id="by-service-year-title"
        title={t('insights.byServiceYear.title')}
        intro={t('insights.byServiceYear.intro')}
        table={data.byServiceYear}
        list={{ table: 'byServiceYear' }}
        rowHeading={t('insights.service')}
        shownText={(shown, count) => t('insights.costPages.services', { shown, count })}
        columnHeading={t('insights.yearAxis')}
        columnLabel={(column) => column}
        fileName="costs-by-service-and-year.csv"
      />
    </>
  );
}

function OutcomeFigures() {
  const { t } = useTranslation();
  const outcomes = useQuery(insightsOutcomesQueryOptions());
  if (outcomes.isPending) return <LoadingState />;
  if (outcomes.isError) return <ErrorState title={t('insights.loadFailed')} onRetry={() => void outcomes.refetch()} />;
  return <OutcomesPart outcomes={outcomes.data} />;
}

function ForecastFigures() {
  const { t } = useTranslation();
  const forecast = useQuery(insightsForecastQueryOptions());
  if (forecast.isPending) return <LoadingState />;
  if (forecast.isError) return <ErrorState title={t('insights.loadFailed')} onRetry={() => void forecast.refetch()} />;
  return <ForecastSection forecast={forecast.data} />;
}

function ChangeFigures() {
  const { t } = useTranslation();
  const [request, setRequest] = useState<InsightsChangeRequest>(null);
  // The last comparison stays on screen while the next one loads, and the choices with it.
  const change = useQuery({ ...insightsChangeQueryOptions(request), placeholderData: keepPreviousData });
  // Only the demo offers demo accounts; its prices rise 3 % a year, which the method then says.
  const demo = (useQuery(demoAccountsQueryOptions()).data ?? []).length > 0;
  if (change.isPending) return <LoadingState />;
  if (change.isError) return <ErrorState title={t('insights.loadFailed')} onRetry={() => void change.refetch()} />;
  return <ChangeSection change={change.data} onAsk={setRequest} demo={demo} />;
}

function CaseloadFigures() {
  const { t } = useTranslation();
  const caseloads = useQuery(insightsCaseloadsQueryOptions());
  if (caseloads.isPending) return <LoadingState />;
  if (caseloads.isError) return <ErrorState title={t('insights.loadFailed')} onRetry={() => void caseloads.refetch()} />;
  return (
    <>
      <DistributionSection
        id="services-per-family-title"
        title={t('insights.servicesPerFamily.title')}
        intro={t('insights.servicesPerFamily.intro')}
        distribution={caseloads.data.servicesPerFamily}
        bucketHeading={t('insights.servicesPerFamily.axis')}
        bucketLabel={(label) => label}
        fileName="services-per-family.csv"
      />
      <CaseloadSection caseloads={caseloads.data.caseloads} />
    </>
  );
}

function HistoricalFigures() {
  const { t } = useTranslation();
  const historical = useQuery(historicalCostsQueryOptions());
  return (
    <>
      {historical.isPending ? (
        <LoadingState />
      ) : historical.isError ? (
        <ErrorState title={t('insights.loadFailed')} onRetry={() => void historical.refetch()} />
      ) : (
        historical.data.map((file) => <HistoricalCostsSection key={file.id} file={file} />)
      )}
      <HistoricalCostImport />
    </>
  );
}
