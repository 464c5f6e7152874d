import { queryOptions } from '@tanstack/react-query';
import { measurementListSchema } from '@yhdessa/shared';
import { apiRequest } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export const measurementsPath = (familyId: string) => `/api/families/${encodeURIComponent(familyId)}/measurements`;

/** The family's measurements oldest first, whether it is asked to fill one in, and whether the reader may. */
export function measurementsQueryOptions(familyId: string) {
  return queryOptions({
    queryKey: queryKeys.measurements(familyId),
    queryFn: ({ signal }) => apiRequest(measurementsPath(familyId), { schema: measurementListSchema, signal }),
  });
}
