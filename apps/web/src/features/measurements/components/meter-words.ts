import type { AssessmentDomain, RespondentVersion } from '@yhdessa/shared';
import type { TFunction } from 'i18next';

/** "4 – Melko hyvin": a score with the words of the version it was answered in, never the number alone. */
export function scoreText(t: TFunction, version: RespondentVersion, score: number): string {
  return t('measurements.scoreValue', { score, label: t(`measurements.scale.${version}.${score}`) });
}

export function domainTitle(t: TFunction, version: RespondentVersion, domain: AssessmentDomain): string {
  return t(`measurements.domain.${version}.${domain}.title`);
}

export function domainQuestion(t: TFunction, version: RespondentVersion, domain: AssessmentDomain): string {
  return t(`measurements.domain.${version}.${domain}.question`);
}
