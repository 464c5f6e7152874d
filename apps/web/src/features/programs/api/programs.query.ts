import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import {
  programListSchema,
  programReportRowsSchema,
  programReportSchema,
  programSchema,
  type CreateProgram,
  type Program,
  type ProgramReportQuery,
  type ProgramReportRowsQuery,
  type UpdateProgram,
} from '@yhdessa/shared';
import { apiRequest } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

const programPath = (programId: string) => `/api/programs/${encodeURIComponent(programId)}`;

/** A query string of the given values, leaving out those not given. */
function searchOf(values: Record<string, string | undefined>): string {
  const defined = Object.entries(values).filter((entry): entry is [string, string] => entry[1] !== undefined);
  return new URLSearchParams(defined).toString();
}

export function programsQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.programList,
    queryFn: ({ signal }) => apiRequest('/api/programs', { schema: programListSchema, signal }),
  });
}

export function programQueryOptions(programId: string) {
  return queryOptions({
    queryKey: queryKeys.program(programId),
    queryFn: ({ signal }) => apiRequest(programPath(programId), { schema: programSchema, signal }),
  });
}

/** The figures of one period, both days included. */
export function programReportQueryOptions(programId: string, period: ProgramReportQuery) {
  return queryOptions({
    queryKey: queryKeys.programReport(programId, period),
    queryFn: ({ signal }) =>
      apiRequest(`${programPath(programId)}/report?${searchOf(period)}`, { schema: programReportSchema, signal }),
  });
}

/** The rows behind one figure: pseudonymous for a manager, the coordinator's own families for a coordinator. */
export function programReportRowsQueryOptions(programId: string, query: ProgramReportRowsQuery) {
  return queryOptions({
    queryKey: queryKeys.programReportRows(programId, query),
    queryFn: ({ signal }) =>
      apiRequest(`${programPath(programId)}/report/rows?${searchOf(query)}`, { schema: programReportRowsSchema, signal }),
  });
}

/** A saved programme replaces its cached copy; the list and every report of it are read again. */
function useProgramSaved() {
  const queryClient = useQueryClient();
  return (saved: Program) => {
    queryClient.setQueryData(queryKeys.program(saved.id), saved);
    void queryClient.invalidateQueries({ queryKey: queryKeys.programList });
    void queryClient.invalidateQueries({ queryKey: [...queryKeys.programs, saved.id, 'report'] });
  };
}

export function useCreateProgram() {
  const saved = useProgramSaved();
  return useMutation({
    mutationFn: (body: CreateProgram) => apiRequest('/api/programs', { method: 'POST', body, schema: programSchema }),
    onSuccess: saved,
  });
}

export function useUpdateProgram(programId: string) {
  const saved = useProgramSaved();
  return useMutation({
    mutationFn: (body: UpdateProgram) => apiRequest(programPath(programId), { method: 'PATCH', body, schema: programSchema }),
    onSuccess: saved,
  });
}
