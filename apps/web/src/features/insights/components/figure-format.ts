import type { CostCell, CountCell, DifferenceCell, OutcomeCell } from '@yhdessa/shared';
import { useTranslation } from 'react-i18next';
import {
  formatCount,
  formatDecimal,
  formatDecimalChange,
  formatEuros,
  formatEurosChange,
  formatEurosCompact,
  formatPercent,
  formatPercentChange,
  formatWholeEuros,
  useLanguage,
} from '../../../lib/locale';

/**
 * What an outcome figure is: a count, a mean (two decimals), a change on the 1-5 scale (two
 * decimals) or in per cent points (one), both with their sign, a share in per cent, or a cost in cents.
 */
export type OutcomeKind = 'count' | 'mean' | 'change' | 'points' | 'percent' | 'euros';

/** Figures as shown and exported: a hidden one as "fewer than 5", never as a number. */
export function useFigureFormat() {
  const { t } = useTranslation();
  const language = useLanguage();
  const hidden = t('insights.fewerThanFive');
  const outcomeText = (value: number, kind: OutcomeKind) => {
    if (kind === 'euros') return formatEuros(value, language);
    if (kind === 'count') return formatCount(value, language);
    if (kind === 'percent') return formatPercent(value, language);
    if (kind === 'mean') return formatDecimal(value, language, 2);
    return formatDecimalChange(value, language, kind === 'points' ? 1 : 2);
  };
  return {
    /** An outcome figure; a dash when it is drawn from no family (a mean of nothing). */
    outcome: (cell: OutcomeCell, kind: OutcomeKind) =>
      cell.suppressed ? hidden : cell.value === null ? '–' : outcomeText(cell.value, kind),
    outcomeForCsv: (cell: OutcomeCell, kind: OutcomeKind) =>
      cell.suppressed ? hidden : cell.value === null ? '' : kind === 'euros' ? (cell.value / 100).toFixed(2) : cell.value,
    outcomeForChart: (cell: OutcomeCell) => (cell.suppressed ? null : cell.value),
    euros: (cents: number) => formatEuros(cents, language),
    /** An estimate, in whole euros. */
    estimate: (cents: number) => formatWholeEuros(cents, language),
    /** A chart's axis: euros rounded, so the ticks stay short. */
    axisEuros: (euros: number) => formatEurosCompact(euros, language),
    number: (count: number) => formatCount(count, language),
    /** No usage at all is a dash: it reads apart from the figures around it. */
    cost: (cell: CostCell) => (cell.suppressed ? hidden : cell.families === 0 ? '–' : formatEuros(cell.costCents, language)),
    count: (cell: CountCell) => (cell.suppressed ? hidden : formatCount(cell.families, language)),
    /** A change with its sign; a dash where there is nothing to compare (no per cent of nothing). */
    changeEuros: (cell: DifferenceCell) =>
      cell.suppressed ? hidden : cell.cents === null ? '–' : formatEurosChange(cell.cents, language),
    changePercent: (cell: DifferenceCell) =>
      cell.suppressed ? hidden : cell.percent === null ? '–' : formatPercentChange(cell.percent, language),
    /** For a CSV file: euros with a decimal point, which every spreadsheet reads. */
    costForCsv: (cell: CostCell) => (cell.suppressed ? hidden : (cell.costCents / 100).toFixed(2)),
    countForCsv: (cell: CountCell) => (cell.suppressed ? hidden : cell.families),
    changeEurosForCsv: (cell: DifferenceCell) =>
      cell.suppressed ? hidden : cell.cents === null ? '' : (cell.cents / 100).toFixed(2),
    changePercentForCsv: (cell: DifferenceCell) =>
      cell.suppressed ? hidden : cell.percent === null ? '' : cell.percent.toFixed(1),
    /** For a chart: a hidden figure is left out, not drawn as zero. */
    costForChart: (cell: CostCell) => (cell.suppressed ? null : cell.costCents / 100),
    countForChart: (cell: CountCell) => (cell.suppressed ? null : cell.families),
  };
}
