import type { OutcomeFigures, ProgramMetric } from '@yhdessa/shared';
import { useTranslation } from 'react-i18next';
import { formatCount, formatDecimalChange, formatEuros, formatPercent, useLanguage } from '../../../lib/locale';

/** Whether the share reached meets the contract's target; nothing to say before an outcome is decided. */
export type TargetState = 'met' | 'notMet' | 'undecided';

export function targetState(figures: OutcomeFigures, metric: Pick<ProgramMetric, 'targetRate'>): TargetState {
  if (figures.rate === null) return 'undecided';
  return figures.rate >= metric.targetRate ? 'met' : 'notMet';
}

/** The same figures added up over payers or metrics; the share is of the sums. */
export function sumFigures(list: readonly OutcomeFigures[]): OutcomeFigures {
  const reached = list.reduce((sum, figures) => sum + figures.reached, 0);
  const missed = list.reduce((sum, figures) => sum + figures.missed, 0);
  return {
    reached,
    missed,
    rate: reached + missed === 0 ? null : Math.round((reached / (reached + missed)) * 1000) / 10,
    paymentDueCents: list.reduce((sum, figures) => sum + figures.paymentDueCents, 0),
  };
}

/** The report's figures as shown, and as a CSV file holds them (euros with a decimal point). */
export function useReportFormat() {
  const { t } = useTranslation();
  const language = useLanguage();
  return {
    euros: (cents: number) => formatEuros(cents, language),
    count: (count: number) => formatCount(count, language),
    /** No share of nothing: a dash. */
    rate: (rate: number | null) => (rate === null ? '–' : formatPercent(rate, language)),
    percent: (rate: number) => formatPercent(rate, language),
    target: (state: TargetState) => t(`programs.report.targetState.${state}`),
    /** Against the baseline, in percentage points with their sign. */
    againstBaseline: (figures: OutcomeFigures, metric: Pick<ProgramMetric, 'baselineRate'>) =>
      figures.rate === null
        ? '–'
        : t('programs.report.points', {
            points: formatDecimalChange(figures.rate - metric.baselineRate, language, 1),
          }),
    eurosForCsv: (cents: number) => (cents / 100).toFixed(2),
    rateForCsv: (rate: number | null) => (rate === null ? '' : rate.toFixed(1)),
  };
}
