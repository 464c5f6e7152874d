import { useMutation, useQueryClient } from '@tanstack/react-query';
import { serviceUsageSchema, usageCsvResultSchema, type CorrectServiceUsage, type RecordServiceUsage } from '@yhdessa/shared';
import { apiRequest } from '../../../lib/api-client';
import { invalidateAllServiceUsage, queryKeys } from '../../../lib/query-keys';
import { usagePath } from './service-usage.query';

/** A new entry or a correction changes the list, the costs and the family's summary: all under one key. */
function useUsageChanged(familyId: string) {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: queryKeys.serviceUsageAll(familyId) });
}

export function useRecordServiceUsage(familyId: string) {
  const changed = useUsageChanged(familyId);
  return useMutation({
    mutationFn: (body: RecordServiceUsage) =>
      apiRequest(usagePath(familyId), { method: 'POST', body, schema: serviceUsageSchema }),
    onSuccess: changed,
  });
}

export function useCorrectServiceUsage(familyId: string, usageId: string) {
  const changed = useUsageChanged(familyId);
  return useMutation({
    mutationFn: (body: CorrectServiceUsage) =>
      apiRequest(`${usagePath(familyId)}/${encodeURIComponent(usageId)}`, {
        method: 'PATCH',
        body,
        schema: serviceUsageSchema,
      }),
    onSuccess: changed,
  });
}

/** Checks a usage file: the rows read and every line at fault; nothing is stored. */
export function usePreviewUsageCsv() {
  return useMutation({
    mutationFn: (csv: string) =>
      apiRequest('/api/service-usage/csv/preview', {
        method: 'POST',
        body: csv,
        bodyType: 'csv',
        schema: usageCsvResultSchema,
      }),
  });
}

/** Imports the whole file or nothing; on success every cached family's usage is read again. */
export function useImportUsageCsv() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (csv: string) =>
      apiRequest('/api/service-usage/csv', { method: 'POST', body: csv, bodyType: 'csv', schema: usageCsvResultSchema }),
    onSuccess: (result) => {
      if (result.stored) invalidateAllServiceUsage(queryClient);
    },
  });
}
