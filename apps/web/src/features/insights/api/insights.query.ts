import { infiniteQueryOptions, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import {
  historicalCostImportListSchema,
  historicalCostImportSchema,
  historicalCostPreviewSchema,
  insightsCaseloadsSchema,
  insightsChangeSchema,
  insightsCostsSchema,
  insightsForecastSchema,
  insightsOutcomesSchema,
  MAX_PAGE_SIZE,
  outcomeServicePageSchema,
  type InsightsChangeRequest,
  type OutcomeGroup,
  type OutcomeServicePage,
} from '@yhdessa/shared';
import { apiRequest } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

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

/** Wellbeing change, goal attainment, experience and cost per outcome, per municipality, service and year. */
export function insightsOutcomesQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.insightsOutcomes,
    queryFn: ({ signal }) => apiRequest('/api/insights/outcomes', { schema: insightsOutcomesSchema, signal }),
  });
}

const outcomeServicesPath = (cursor: string | null, limit?: number) => {
  const query = new URLSearchParams({ ...(cursor && { cursor }), ...(limit && { limit: String(limit) }) }).toString();
  return `/api/insights/outcomes/services${query ? `?${query}` : ''}`;
};

/**
 * The services after the first page, a page at a time from `cursor` (the first page's
 * `nextCursor`): none is read until the reader asks for more (`fetchNextPage`).
 */
export function outcomeServicePagesQueryOptions(cursor: string | null) {
  return infiniteQueryOptions({
    queryKey: queryKeys.insightsOutcomeServices(cursor),
    queryFn: ({ pageParam, signal }) => apiRequest(outcomeServicesPath(pageParam), { schema: outcomeServicePageSchema, signal }),
    initialPageParam: cursor,
    getNextPageParam: (last) => last.nextCursor,
    enabled: false,
  });
}

/** Every service's outcome figures, in the largest pages: for a file that holds them all. */
export async function fetchAllOutcomeServices(): Promise<OutcomeGroup[]> {
  const groups: OutcomeGroup[] = [];
  let cursor: string | null = null;
  do {
    const page: OutcomeServicePage = await apiRequest(outcomeServicesPath(cursor, MAX_PAGE_SIZE), {
      schema: outcomeServicePageSchema,
    });
    groups.push(...page.groups);
    cursor = page.nextCursor;
  } while (cursor);
  return groups;
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
