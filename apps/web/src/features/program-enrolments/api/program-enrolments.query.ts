import { queryOptions } from '@tanstack/react-query';
import { programEnrolmentListSchema } from '@yhdessa/shared';
import { apiRequest } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export const programEnrolmentsPath = (familyId: string) => `/api/families/${encodeURIComponent(familyId)}/program-enrolments`;

/** The query key of the family's enrolments; a live `program.*` event makes it stale. */
export const programEnrolmentsQueryKey = queryKeys.programEnrolments;

/** The family's programme enrolments, the programmes its coordinator could enrol it in now, and whether they may. */
export function programEnrolmentsQueryOptions(familyId: string) {
  return queryOptions({
    queryKey: programEnrolmentsQueryKey(familyId),
    queryFn: ({ signal }) => apiRequest(programEnrolmentsPath(familyId), { schema: programEnrolmentListSchema, signal }),
  });
}
