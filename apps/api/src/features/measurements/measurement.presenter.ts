import type { Measurement } from '@yhdessa/shared';
import type { MeasurementWithScores } from './measurements.repository';

/** `correct`: whether the reader may still correct it, as the correction route would decide. */
export function presentMeasurement({ measurement, takenBy, scores }: MeasurementWithScores, correct: boolean): Measurement {
  return {
    id: measurement.id,
    takenOn: measurement.takenOn,
    occasion: measurement.occasion,
    respondentVersion: measurement.respondentVersion,
    takenBy,
    scores,
    comment: measurement.comment,
    createdAt: measurement.createdAt.toISOString(),
    correctedAt: measurement.correctedAt?.toISOString() ?? null,
    version: measurement.version,
    can: { correct },
  };
}
