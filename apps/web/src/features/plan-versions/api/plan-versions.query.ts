import { queryOptions } from '@tanstack/react-query';
import { planVersionComparisonSchema, planVersionListSchema, planVersionSchema } from '@yhdessa/shared';
import { apiRequest } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

const versionsPath = (familyId: string) => `/api/families/${encodeURIComponent(familyId)}/plan/versions`;

export function planVersionsQueryOptions(familyId: string) {
  return queryOptions({
    queryKey: queryKeys.versions(familyId),
    queryFn: async ({ signal }) => (await apiRequest(versionsPath(familyId), { schema: planVersionListSchema, signal })).versions,
  });
}

/** A frozen version does not change; what the reader may see of it does (consents), so it is read again on each visit. */
export function planVersionQueryOptions(familyId: string, version: number) {
  return queryOptions({
    queryKey: queryKeys.version(familyId, version),
    queryFn: ({ signal }) => apiRequest(`${versionsPath(familyId)}/${version}`, { schema: planVersionSchema, signal }),
  });
}

export function planVersionComparisonQueryOptions(familyId: string, from: number, to: number) {
  return queryOptions({
    queryKey: queryKeys.versionComparison(familyId, from, to),
    queryFn: ({ signal }) =>
      apiRequest(`${versionsPath(familyId)}/compare?from=${from}&to=${to}`, { schema: planVersionComparisonSchema, signal }),
  });
}
