import type { Assessment } from '@yhdessa/shared';
import type { AssessmentWithRatings } from './assessments.repository';

export function presentAssessment({ assessment, createdByName, ratings }: AssessmentWithRatings): Assessment {
  return {
    id: assessment.id,
    assessedOn: assessment.assessedOn,
    createdBy: { id: assessment.createdBy, name: createdByName },
    createdAt: assessment.createdAt.toISOString(),
    ratings: ratings.map(({ rating, ratedByName }) => ({
      domain: rating.domain,
      rating: rating.rating,
      notes: rating.notes,
      ratedBy: { id: rating.ratedBy, name: ratedByName },
      ratedAt: rating.ratedAt.toISOString(),
    })),
    version: assessment.version,
  };
}
