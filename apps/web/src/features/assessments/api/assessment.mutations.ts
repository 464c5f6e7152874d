import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  assessmentSchema,
  type Assessment,
  type AssessmentDomain,
  type CreateAssessment,
  type UpdateRating,
} from '@yhdessa/shared';
import { apiRequest, isApiError } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import { assessmentsPath } from './assessments.query';

/** Records a new joint assessment; it becomes the current one and the one before it stays for comparison. */
export function useCreateAssessment(familyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateAssessment) =>
      apiRequest(assessmentsPath(familyId), { method: 'POST', body, schema: assessmentSchema }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.assessments(familyId) }),
  });
}

interface RateDomain {
  assessmentId: string;
  domain: AssessmentDomain;
  body: UpdateRating;
}

/**
 * Corrects one domain of the current assessment against the version it was read at; a stale
 * version answers 409 with the assessment as it is now, and the list is read again.
 */
export function useRateDomain(familyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ assessmentId, domain, body }: RateDomain) =>
      apiRequest(`${assessmentsPath(familyId)}/${encodeURIComponent(assessmentId)}/ratings/${domain}`, {
        method: 'PATCH',
        body,
        schema: assessmentSchema,
      }),
    onSuccess: (assessment: Assessment) =>
      queryClient.setQueryData<Assessment[]>(queryKeys.assessments(familyId), (list) =>
        list?.map((each) => (each.id === assessment.id && each.version < assessment.version ? assessment : each)),
      ),
    onError: (error) => {
      if (isApiError(error, 'version_conflict'))
        void queryClient.invalidateQueries({ queryKey: queryKeys.assessments(familyId) });
    },
  });
}
