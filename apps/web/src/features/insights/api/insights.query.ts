import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import {
  COST_TABLE_LISTS,
  caseloadPageSchema,
  costTablePageSchema,
  forecastServicePageSchema,
  historicalCostImportListSchema,
  historicalCostImportSchema,
  historicalCostPreviewSchema,
  insightsCaseloadsSchema,
  insightsChangeSchema,
  insightsCostsSchema,
  insightsForecastSchema,
  insightsOutcomesSchema,
  outcomeServicePageSchema,
  type CostTable,
  type CostTableName,
  type Distribution,
  type InsightsForecast,
  type InsightsChangeRequest,
  type OutcomeGroup,
} from '@yhdessa/shared';
import { apiRequest } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import { fetchEveryPage, laterPagesQueryOptions } from './later-pages';

/** The cost tables of a year (this year when null) and of every year. */
export function insightsCostsQueryOptions(year: number | null) {
  return queryOptions({
    queryKey: queryKeys.insightsCosts(year),
    queryFn: ({ signal }) =>
      apiRequest(`/api/insights/costs${year === null ? '' : `?year=${year}`}`, { schema: insightsCostsSchema, signal }),
  });
}

/** The figures before and after: the server's default comparison when null. */
export function insightsChangeQueryOptions(request: InsightsChangeRequest) {
  const query =
    request === null ? '' : `?${new URLSearchParams(Object.entries(request).map(([key, value]) => [key, String(value)]))}`;
  return queryOptions({
    queryKey: queryKeys.insightsChange(request),
    queryFn: ({ signal }) => apiRequest(`/api/insights/change${query}`, { schema: insightsChangeSchema, signal }),
  });
}

export function insightsCaseloadsQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.insightsCaseloads,
    queryFn: ({ signal }) => apiRequest('/api/insights/caseloads', { schema: insightsCaseloadsSchema, signal }),
  });
}

/** Next year's cost from the trend of the last 36 complete months. */
export function insightsForecastQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.insightsForecast,
    queryFn: ({ signal }) => apiRequest('/api/insights/forecast', { schema: insightsForecastSchema, signal }),
  });
}

/** A cost table whose rows come a page at a time, and its year when its columns are months. */
export type CostTableList =
  { table: Exclude<CostTableName, 'byServiceYear'>; year: number } | { table: Extract<CostTableName, 'byServiceYear'> };

const costRowsPath = (list: CostTableList) =>
  `/api/insights/costs/${COST_TABLE_LISTS[list.table]}${'year' in list ? `?year=${list.year}` : ''}`;

/** A cost table's rows after its first page, a page at a time from `cursor` (the first page's `nextCursor`). */
export function costTablePagesQueryOptions(list: CostTableList, cursor: string | null) {
  return laterPagesQueryOptions(queryKeys.insightsCostRows(list, cursor), costRowsPath(list), costTablePageSchema, cursor);
}

/** Every row of a cost table, the largest cost first: for a file that holds them all. */
export async function fetchAllCostRows(list: CostTableList): Promise<CostTable['rows']> {
  return (await fetchEveryPage(costRowsPath(list), costTablePageSchema)).flatMap((page) => page.rows);
}

const FORECAST_SERVICES = '/api/insights/forecast/services';

/** The services' forecasts after the first page, a page at a time from `cursor` (the first page's `nextCursor`). */
export function forecastServicePagesQueryOptions(cursor: string | null) {
  return laterPagesQueryOptions(queryKeys.insightsForecastServices(cursor), FORECAST_SERVICES, forecastServicePageSchema, cursor);
}

/** Every service's forecast, the largest first: for a file that holds them all. */
export async function fetchAllForecasts(): Promise<InsightsForecast['services']['forecasts']> {
  return (await fetchEveryPage(FORECAST_SERVICES, forecastServicePageSchema)).flatMap((page) => page.forecasts);
}

/** Wellbeing change, goal attainment, experience and cost per outcome, per municipality, service and year. */
export function insightsOutcomesQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.insightsOutcomes,
    queryFn: ({ signal }) => apiRequest('/api/insights/outcomes', { schema: insightsOutcomesSchema, signal }),
  });
}

const OUTCOME_SERVICES = '/api/insights/outcomes/services';

/** The services after the first page, a page at a time from `cursor` (the first page's `nextCursor`). */
export function outcomeServicePagesQueryOptions(cursor: string | null) {
  return laterPagesQueryOptions(queryKeys.insightsOutcomeServices(cursor), OUTCOME_SERVICES, outcomeServicePageSchema, cursor);
}

/** Every service's outcome figures: for a file that holds them all. */
export async function fetchAllOutcomeServices(): Promise<OutcomeGroup[]> {
  return (await fetchEveryPage(OUTCOME_SERVICES, outcomeServicePageSchema)).flatMap((page) => page.groups);
}

const CASELOAD_COORDINATORS = '/api/insights/caseloads/coordinators';

/** The coordinators after the first page, a page at a time from `cursor` (the first page's `nextCursor`). */
export function caseloadPagesQueryOptions(cursor: string | null) {
  return laterPagesQueryOptions(
    queryKeys.insightsCaseloadCoordinators(cursor),
    CASELOAD_COORDINATORS,
    caseloadPageSchema,
    cursor,
  );
}

/** Every coordinator's caseload, the largest first: for a file that holds them all. */
export async function fetchAllCaseloads(): Promise<Distribution['buckets']> {
  return (await fetchEveryPage(CASELOAD_COORDINATORS, caseloadPageSchema)).flatMap((page) => page.buckets);
}

export function historicalCostsQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.historicalCosts,
    queryFn: async ({ signal }) =>
      (await apiRequest('/api/insights/historical-costs', { schema: historicalCostImportListSchema, signal })).imports,
  });
}

/** Reads the file on the server and says what it would import; nothing is stored. */
export function usePreviewHistoricalCosts() {
  return useMutation({
    mutationFn: (csv: string) =>
      apiRequest('/api/insights/historical-costs/import/preview', {
        method: 'POST',
        body: csv,
        bodyType: 'csv',
        schema: historicalCostPreviewSchema,
      }),
  });
}

export function useImportHistoricalCosts() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ csv, source }: { csv: string; source: string }) =>
      apiRequest(`/api/insights/historical-costs/import?${new URLSearchParams({ source }).toString()}`, {
        method: 'POST',
        body: csv,
        bodyType: 'csv',
        schema: historicalCostImportSchema,
      }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.historicalCosts }),
  });
}
