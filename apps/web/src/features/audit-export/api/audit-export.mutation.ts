import { useMutation } from '@tanstack/react-query';
import { auditExportSchema, type AuditExportQuery } from '@yhdessa/shared';
import { apiRequest } from '../../../lib/api-client';

/** Fetches the audit events of a window (at most a year) with their hash chain; the export is itself audited. */
export function useAuditExport() {
  return useMutation({
    mutationFn: (window: AuditExportQuery) =>
      apiRequest(`/api/audit/export?${new URLSearchParams(window).toString()}`, { schema: auditExportSchema }),
  });
}
