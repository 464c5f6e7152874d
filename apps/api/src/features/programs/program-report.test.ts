import { buildReportFigures, decidedRowsOf, rateOf, type DecidedEnrolment } from './program-report';
import type { Outcome } from './program-outcomes';

const HOME = 'metric-home';
const GOAL = 'metric-goal';
const program = {
  metrics: [
    { id: HOME, paymentCents: 800_000 },
    { id: GOAL, paymentCents: 150_000 },
  ],
  payers: [{ id: 'payer-a' }, { id: 'payer-b' }],
};
const reached = (decidedOn: string): Outcome => ({ status: 'reached', decidedOn, reason: null });
const missed = (decidedOn: string): Outcome => ({ status: 'missed', decidedOn, reason: null });
const pending = (decidedOn: string): Outcome => ({ status: 'pending', decidedOn, reason: null });
const gone: Outcome = { status: 'not_measurable', decidedOn: null, reason: 'ended_before_due' };

const enrolment = (
  id: string,
  payerId: string,
  enrolledOn: string,
  endedOn: string | null,
  home: Outcome,
  goal: Outcome,
): DecidedEnrolment => ({
  id,
  payerId,
  enrolledOn,
  endedOn,
  outcomes: new Map([
    [HOME, home],
    [GOAL, goal],
  ]),
});

/**
 * Period 2025. By hand:
 * - home: reached e1 (A, Mar), e2 (B, Jun); missed e3 (A, Sep); e4 pending; e5 not measurable
 *   -> total 2 reached 1 missed, 66.7 %, 16,000 €; A 1/1 50 % 8,000 €; B 1/0 100 % 8,000 €.
 * - goal: reached e1 (A, 2024-11: before the period, not counted), e3 (A, Feb), e5 (B, Dec 31);
 *   missed e2 (B, 2026-01-10: after the period) -> total 2 reached 0 missed, 100 %, 3,000 €;
 *   A 1 (1,500 €), B 1 (1,500 €).
 * - enrolled on 31 Dec: e1, e2, e4 (e3 ended 31 Dec, so not; e5 ended in June) -> A 2, B 1.
 * - payment A 9,500 €, B 9,500 €, total 19,000 €; cost 10,000.01 € / 4 reached = 2,500.0025 € -> 250,000 cents.
 */
const enrolments = [
  enrolment('e1', 'payer-a', '2024-03-10', null, reached('2025-03-10'), reached('2024-11-01')),
  enrolment('e2', 'payer-b', '2024-06-01', null, reached('2025-06-01'), missed('2026-01-10')),
  enrolment('e3', 'payer-a', '2024-09-05', '2025-12-31', missed('2025-09-05'), reached('2025-02-01')),
  enrolment('e4', 'payer-a', '2025-04-01', null, pending('2026-04-01'), pending('2026-04-01')),
  enrolment('e5', 'payer-b', '2024-01-15', '2025-06-30', gone, reached('2025-12-31')),
];
const year2025 = { from: '2025-01-01', to: '2025-12-31' };

it('when a year is reported, then each metric, payer and total matches the hand-computed figures', () => {
  expect(buildReportFigures(program, enrolments, year2025, 1_000_001)).toEqual({
    metrics: [
      {
        metricId: HOME,
        total: { reached: 2, missed: 1, rate: 66.7, paymentDueCents: 1_600_000 },
        byPayer: [
          { payerId: 'payer-a', figures: { reached: 1, missed: 1, rate: 50, paymentDueCents: 800_000 } },
          { payerId: 'payer-b', figures: { reached: 1, missed: 0, rate: 100, paymentDueCents: 800_000 } },
        ],
      },
      {
        metricId: GOAL,
        total: { reached: 2, missed: 0, rate: 100, paymentDueCents: 300_000 },
        byPayer: [
          { payerId: 'payer-a', figures: { reached: 1, missed: 0, rate: 100, paymentDueCents: 150_000 } },
          { payerId: 'payer-b', figures: { reached: 1, missed: 0, rate: 100, paymentDueCents: 150_000 } },
        ],
      },
    ],
    payers: [
      { payerId: 'payer-a', enrolledAtEnd: 2, paymentDueCents: 950_000 },
      { payerId: 'payer-b', enrolledAtEnd: 1, paymentDueCents: 950_000 },
    ],
    enrolledAtEnd: 3,
    paymentDueCents: 1_900_000,
    costCents: 1_000_001,
    costPerOutcomeCents: 250_000,
  });
});

it('when nothing was decided in the period, then rates are null, payments 0 and there is no cost per outcome', () => {
  const figures = buildReportFigures(program, enrolments, { from: '2023-01-01', to: '2023-12-31' }, 5_000);
  expect(figures.metrics.map((metric) => metric.total)).toEqual([
    { reached: 0, missed: 0, rate: null, paymentDueCents: 0 },
    { reached: 0, missed: 0, rate: null, paymentDueCents: 0 },
  ]);
  expect(figures.enrolledAtEnd).toBe(0);
  expect(figures.costPerOutcomeCents).toBeNull();
});

it.each([
  [1, 2, 33.3],
  [2, 1, 66.7],
  [1, 7, 12.5],
  [1, 15, 6.3],
  [0, 4, 0],
  [0, 0, null],
])('when %i are reached and %i missed, then the rate is %s', (reachedCount, missedCount, rate) => {
  expect(rateOf(reachedCount, missedCount)).toBe(rate);
});

it('when rows are asked for one payer and one status, then only the outcomes decided in the period behind that count come', () => {
  const rows = decidedRowsOf(enrolments, [HOME, GOAL], year2025, { payerId: 'payer-a', status: 'reached' });
  expect(rows.map((row) => [row.enrolment.id, row.metricId, row.decidedOn])).toEqual([
    ['e1', HOME, '2025-03-10'],
    ['e3', GOAL, '2025-02-01'],
  ]);
  expect(decidedRowsOf(enrolments, [HOME, GOAL], year2025, { metricId: HOME, status: 'missed' })).toHaveLength(1);
});
