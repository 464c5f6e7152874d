import type { EnrolmentOutcome, Language, ProgramMetricDefinition } from '@yhdessa/shared';
import type { TFunction } from 'i18next';
import { formatDate } from '../../../lib/locale';

/** What a metric follows, in plain words from its definition, e.g. "Lapsi asuu kotona 12 kuukautta ohjelmaan liittymisen jälkeen". */
export function metricDescription(t: TFunction, definition: ProgramMetricDefinition): string {
  switch (definition.kind) {
    case 'lives_at_home':
      return t('programEnrolment.metric.livesAtHome', { count: definition.months });
    case 'wellbeing_improved':
      return t('programEnrolment.metric.wellbeingImproved', {
        count: definition.months,
        steps: t('programEnrolment.metric.steps', { count: definition.steps }),
        domains: t('programEnrolment.metric.domains', { count: definition.domains }),
      });
    case 'goal_reached':
      return t('programEnrolment.metric.goalReached', { count: definition.months });
  }
}

/** Where one outcome stands, in words that do not lean on its colour or icon. */
export function outcomeStatusText(t: TFunction, outcome: EnrolmentOutcome, language: Language): string {
  const date = outcome.decidedOn ? formatDate(outcome.decidedOn, language) : null;
  switch (outcome.status) {
    case 'reached':
      return date ? t('programEnrolment.outcome.reachedOn', { date }) : t('programEnrolment.outcome.reached');
    case 'pending':
      return date ? t('programEnrolment.outcome.pendingUntil', { date }) : t('programEnrolment.outcome.pending');
    case 'missed':
      return date ? t('programEnrolment.outcome.missedOn', { date }) : t('programEnrolment.outcome.missed');
    case 'not_measurable':
      return outcome.reason
        ? t(`programEnrolment.outcome.notMeasurable.${outcome.reason}`)
        : t('programEnrolment.outcome.notMeasurable.unknown');
  }
}
