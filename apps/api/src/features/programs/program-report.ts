import type { OutcomeFigures, ProgramReport } from '@yhdessa/shared';
import type { Outcome } from './program-outcomes';

/**
 * A programme's report for a period, from its enrolments' decided outcomes. Counts are exact:
 * what is paid must add up, and each count is traced to its rows. Enrolments whose consent was
 * withdrawn never reach these functions.
 */

export interface DecidedEnrolment {
  id: string;
  payerId: string;
  enrolledOn: string;
  endedOn: string | null;
  /** By metric id. */
  outcomes: ReadonlyMap<string, Outcome>;
}

export interface Period {
  from: string;
  to: string;
}

/** One outcome reached or missed in the period: what a count is made of. */
export interface DecidedRow<E extends DecidedEnrolment> {
  enrolment: E;
  metricId: string;
  status: 'reached' | 'missed';
  decidedOn: string;
}

export interface RowFilter {
  metricId?: string;
  payerId?: string;
  status?: 'reached' | 'missed';
}

/** The outcomes reached or missed in the period, by metric in the programme's order. */
export function decidedRowsOf<E extends DecidedEnrolment>(
  enrolments: readonly E[],
  metricIds: readonly string[],
  period: Period,
  filter: RowFilter = {},
): DecidedRow<E>[] {
  return metricIds
    .filter((metricId) => !filter.metricId || metricId === filter.metricId)
    .flatMap((metricId) =>
      enrolments.flatMap((enrolment) => {
        const outcome = enrolment.outcomes.get(metricId);
        if (!outcome || (outcome.status !== 'reached' && outcome.status !== 'missed')) return [];
        const decidedOn = outcome.decidedOn!;
        if (decidedOn < period.from || decidedOn > period.to) return [];
        if (filter.payerId && enrolment.payerId !== filter.payerId) return [];
        if (filter.status && outcome.status !== filter.status) return [];
        return [{ enrolment, metricId, status: outcome.status, decidedOn }];
      }),
    );
}

/** reached / decided in per cent, to one decimal; null when nothing was decided. */
export const rateOf = (reached: number, missed: number): number | null =>
  reached + missed === 0 ? null : Math.round((reached * 1000) / (reached + missed)) / 10;

function figuresOf(rows: readonly DecidedRow<DecidedEnrolment>[], paymentCents: number): OutcomeFigures {
  const reached = rows.filter((row) => row.status === 'reached').length;
  const missed = rows.length - reached;
  return { reached, missed, rate: rateOf(reached, missed), paymentDueCents: reached * paymentCents };
}

/** Active on the day: enrolled by then and not yet ended (an enrolment is out on its ending day). */
const activeOn = (enrolment: DecidedEnrolment, day: string) =>
  enrolment.enrolledOn <= day && (enrolment.endedOn === null || enrolment.endedOn > day);

export type ReportFigures = Omit<ProgramReport, 'program' | 'from' | 'to' | 'generatedAt'>;

export function buildReportFigures(
  program: { metrics: ReadonlyArray<{ id: string; paymentCents: number }>; payers: ReadonlyArray<{ id: string }> },
  enrolments: readonly DecidedEnrolment[],
  period: Period,
  costCents: number,
): ReportFigures {
  const rows = decidedRowsOf(
    enrolments,
    program.metrics.map((metric) => metric.id),
    period,
  );
  const metrics = program.metrics.map((metric) => {
    const ofMetric = rows.filter((row) => row.metricId === metric.id);
    return {
      metricId: metric.id,
      total: figuresOf(ofMetric, metric.paymentCents),
      byPayer: program.payers.map((payer) => ({
        payerId: payer.id,
        figures: figuresOf(
          ofMetric.filter((row) => row.enrolment.payerId === payer.id),
          metric.paymentCents,
        ),
      })),
    };
  });
  const payers = program.payers.map((payer, index) => ({
    payerId: payer.id,
    enrolledAtEnd: enrolments.filter((enrolment) => enrolment.payerId === payer.id && activeOn(enrolment, period.to)).length,
    paymentDueCents: metrics.reduce((sum, metric) => sum + metric.byPayer[index]!.figures.paymentDueCents, 0),
  }));
  const reached = metrics.reduce((sum, metric) => sum + metric.total.reached, 0);
  return {
    metrics,
    payers,
    enrolledAtEnd: enrolments.filter((enrolment) => activeOn(enrolment, period.to)).length,
    paymentDueCents: metrics.reduce((sum, metric) => sum + metric.total.paymentDueCents, 0),
    costCents,
    costPerOutcomeCents: reached === 0 ? null : Math.round(costCents / reached),
  };
}
