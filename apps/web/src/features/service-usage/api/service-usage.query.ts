import { queryOptions } from '@tanstack/react-query';
import { familyCostsSchema, familyUsageSummarySchema, serviceUsageListSchema } from '@yhdessa/shared';
import { apiRequest } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export const usagePath = (familyId: string) => `/api/families/${encodeURIComponent(familyId)}/service-usage`;

/** The recorded entries the reader may see, newest first. */
export function serviceUsageQueryOptions(familyId: string) {
  return queryOptions({
    queryKey: queryKeys.serviceUsage(familyId),
    queryFn: async ({ signal }) => (await apiRequest(usagePath(familyId), { schema: serviceUsageListSchema, signal })).usage,
  });
}

export function familyCostsQueryOptions(familyId: string) {
  return queryOptions({
    queryKey: queryKeys.familyCosts(familyId),
    queryFn: ({ signal }) => apiRequest(`${usagePath(familyId)}/costs`, { schema: familyCostsSchema, signal }),
  });
}

export function usageSummaryQueryOptions(familyId: string) {
  return queryOptions({
    queryKey: queryKeys.usageSummary(familyId),
    queryFn: ({ signal }) => apiRequest(`${usagePath(familyId)}/summary`, { schema: familyUsageSummarySchema, signal }),
  });
}
