import { useMutation, useQueryClient } from '@tanstack/react-query';
import { measurementSchema, type CorrectMeasurement, type RecordMeasurement } from '@yhdessa/shared';
import { apiRequest } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import { measurementsPath } from './measurements.query';

/** Saves the member's answer; the line, and whether the family is still asked for one, are read again. */
export function useRecordMeasurement(familyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RecordMeasurement) =>
      apiRequest(measurementsPath(familyId), { method: 'POST', body, schema: measurementSchema }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.measurements(familyId) }),
  });
}

/** The author's correction on the day of the answer, based on the version it was read at. */
export function useCorrectMeasurement(familyId: string, measurementId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CorrectMeasurement) =>
      apiRequest(`${measurementsPath(familyId)}/${encodeURIComponent(measurementId)}`, {
        method: 'PATCH',
        body,
        schema: measurementSchema,
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.measurements(familyId) }),
  });
}
