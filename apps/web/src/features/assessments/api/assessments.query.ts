import { queryOptions } from '@tanstack/react-query';
import { assessmentListSchema } from '@yhdessa/shared';
import { apiRequest } from '../../../lib/api-client';

export const assessmentsQueryKey = (familyId: string) => ['families', familyId, 'assessments'] as const;

export const assessmentsPath = (familyId: string) => `/api/families/${encodeURIComponent(familyId)}/assessments`;

/** Every joint assessment of the family, newest first: the first is the current one, the rest are for comparison. */
export function assessmentsQueryOptions(familyId: string) {
  return queryOptions({
    queryKey: assessmentsQueryKey(familyId),
    queryFn: async ({ signal }) =>
      (await apiRequest(assessmentsPath(familyId), { schema: assessmentListSchema, signal })).assessments,
  });
}
