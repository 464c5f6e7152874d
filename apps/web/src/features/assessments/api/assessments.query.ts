import { queryOptions } from '@tanstack/react-query';
import { assessmentListSchema } from '@yhdessa/shared';
import { apiRequest } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export const assessmentsPath = (familyId: string) => `/api/families/${encodeURIComponent(familyId)}/assessments`;

/** Every joint assessment of the family, newest first: the first is the current one, the rest are for comparison. */
export function assessmentsQueryOptions(familyId: string) {
  return queryOptions({
    queryKey: queryKeys.assessments(familyId),
    queryFn: async ({ signal }) =>
      (await apiRequest(assessmentsPath(familyId), { schema: assessmentListSchema, signal })).assessments,
  });
}
