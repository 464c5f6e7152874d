import { useMutation, useQueryClient } from '@tanstack/react-query';
import { programEnrolmentSchema, type EndEnrolment, type EnrolFamily } from '@yhdessa/shared';
import { apiRequest } from '../../../lib/api-client';
import { programEnrolmentsPath, programEnrolmentsQueryKey } from './program-enrolments.query';

const enrolmentPath = (familyId: string, enrolmentId: string, action: 'end' | 'withdraw-consent') =>
  `${programEnrolmentsPath(familyId)}/${encodeURIComponent(enrolmentId)}/${action}`;

/**
 * The list is read again after every change, refused ones too: `open` and each `can` follow from
 * the server's state, and a refusal (already enrolled, ended meanwhile) means the list was stale.
 * The plan holds nothing of programmes, so it is left alone.
 */
function useRefreshEnrolments(familyId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: programEnrolmentsQueryKey(familyId) });
}

/** The coordinator enrols the family in a programme, with the guardian's consent. */
export function useEnrolFamily(familyId: string) {
  const refresh = useRefreshEnrolments(familyId);
  return useMutation({
    mutationFn: (body: EnrolFamily) =>
      apiRequest(programEnrolmentsPath(familyId), { method: 'POST', body, schema: programEnrolmentSchema }),
    onSettled: refresh,
  });
}

/** The coordinator records that the family left the programme, and why. */
export function useEndEnrolment(familyId: string) {
  const refresh = useRefreshEnrolments(familyId);
  return useMutation({
    mutationFn: ({ enrolmentId, body }: { enrolmentId: string; body: EndEnrolment }) =>
      apiRequest(enrolmentPath(familyId, enrolmentId, 'end'), { method: 'POST', body, schema: programEnrolmentSchema }),
    onSettled: refresh,
  });
}

/** A guardian withdraws the family's consent, or the coordinator records that they did. */
export function useWithdrawEnrolmentConsent(familyId: string) {
  const refresh = useRefreshEnrolments(familyId);
  return useMutation({
    mutationFn: ({ enrolmentId, version }: { enrolmentId: string; version: number }) =>
      apiRequest(enrolmentPath(familyId, enrolmentId, 'withdraw-consent'), {
        method: 'POST',
        body: { version },
        schema: programEnrolmentSchema,
      }),
    onSettled: refresh,
  });
}
