import type { ProgramMetricDefinition } from '@yhdessa/shared';
import { addMonths } from '../../core/calendar-days';
import { decideOutcome, type EnrolmentFacts } from './program-outcomes';

const PLACEMENT = '11111111-1111-4111-8111-111111111111';
const FAMILY_WORK = '22222222-2222-4222-8222-222222222222';
const GUARDIAN = 'guardian';
const CHILD = 'child';

const livesAtHome: ProgramMetricDefinition = { kind: 'lives_at_home', months: 12, placementServiceIds: [PLACEMENT] };
const wellbeing: ProgramMetricDefinition = { kind: 'wellbeing_improved', months: 12, steps: 1, domains: 3 };
const goal: ProgramMetricDefinition = { kind: 'goal_reached', months: 12 };

/** Enrolled on 15 March 2024: every outcome is due on 15 March 2025. */
const facts = (change: Partial<EnrolmentFacts> = {}): EnrolmentFacts => ({
  enrolledOn: '2024-03-15',
  endedOn: null,
  endReason: null,
  usage: [],
  measurements: [],
  goalEndings: [],
  ...change,
});
const AFTER_DUE = '2025-06-01';

describe('calendar months', () => {
  it.each([
    ['2024-01-31', 1, '2024-02-29'],
    ['2025-01-31', 1, '2025-02-28'],
    ['2024-03-15', 12, '2025-03-15'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-08-31', 6, '2025-02-28'],
    ['2024-12-31', 3, '2025-03-31'],
  ])('when %s moves %i months on, then it is %s', (day, months, expected) => {
    expect(addMonths(day, months)).toBe(expected);
  });
});

describe('lives at home 12 months after enrolment', () => {
  it('when no placement was used, then it is reached on the due day', () => {
    const usage = [{ serviceId: FAMILY_WORK, usedOn: '2024-05-01', period: 'month' as const }];
    expect(decideOutcome(facts({ usage }), livesAtHome, AFTER_DUE)).toEqual({
      status: 'reached',
      decidedOn: '2025-03-15',
      reason: null,
    });
  });

  it('when a placement day falls between enrolment and the due day, then it is missed on the due day', () => {
    const usage = [{ serviceId: PLACEMENT, usedOn: '2024-11-20', period: 'day' as const }];
    expect(decideOutcome(facts({ usage }), livesAtHome, AFTER_DUE)).toEqual({
      status: 'missed',
      decidedOn: '2025-03-15',
      reason: null,
    });
  });

  it('when a placement recorded for March 2024 overlaps the enrolment day of 15 March, then it is missed', () => {
    const usage = [{ serviceId: PLACEMENT, usedOn: '2024-03-01', period: 'month' as const }];
    expect(decideOutcome(facts({ usage }), livesAtHome, AFTER_DUE).status).toBe('missed');
  });

  it('when the placement was in February 2024, before the enrolment, or after the due day, then it is reached', () => {
    const usage = [
      { serviceId: PLACEMENT, usedOn: '2024-02-01', period: 'month' as const },
      { serviceId: PLACEMENT, usedOn: '2025-03-16', period: 'day' as const },
    ];
    expect(decideOutcome(facts({ usage }), livesAtHome, AFTER_DUE).status).toBe('reached');
  });

  it('when the due day is after today, then it is pending with its due day', () => {
    expect(decideOutcome(facts(), livesAtHome, '2025-03-14')).toEqual({
      status: 'pending',
      decidedOn: '2025-03-15',
      reason: null,
    });
  });

  it('when the family left before the due day, then it is not measurable, whatever happened', () => {
    const usage = [{ serviceId: PLACEMENT, usedOn: '2024-06-01', period: 'month' as const }];
    expect(decideOutcome(facts({ usage, endedOn: '2024-09-30', endReason: 'left' }), livesAtHome, AFTER_DUE)).toEqual({
      status: 'not_measurable',
      decidedOn: null,
      reason: 'ended_before_due',
    });
  });

  it('when the family left on the due day itself, then the outcome is still decided', () => {
    expect(decideOutcome(facts({ endedOn: '2025-03-15', endReason: 'case_closed' }), livesAtHome, AFTER_DUE).status).toBe(
      'reached',
    );
  });
});

describe('wellbeing improved by one step in three domains', () => {
  const meter = (memberId: string, takenOn: string, scores: EnrolmentFacts['measurements'][number]['scores']) => ({
    memberId,
    takenOn,
    scores,
  });
  const baseline = meter(GUARDIAN, '2024-02-01', { housing: 2, 'daily-life': 2, safety: 3, 'physical-health': 3 });

  it('when the same member scores one step higher in 3 of the 4 domains both answered, then it is reached on that day', () => {
    const measurements = [
      baseline,
      meter(GUARDIAN, '2024-09-10', { housing: 3, 'daily-life': 3, safety: 4, 'physical-health': 3, 'finances-and-work': 5 }),
    ];
    expect(decideOutcome(facts({ measurements }), wellbeing, AFTER_DUE)).toEqual({
      status: 'reached',
      decidedOn: '2024-09-10',
      reason: null,
    });
  });

  it("when only another member's meter improved, then it is ignored and the outcome is missed on the due day", () => {
    const measurements = [
      baseline,
      meter(CHILD, '2024-09-10', { housing: 5, 'daily-life': 5, safety: 5, 'physical-health': 5 }),
      meter(GUARDIAN, '2024-09-10', { housing: 3, 'daily-life': 3, safety: 3, 'physical-health': 3 }),
    ];
    expect(decideOutcome(facts({ measurements }), wellbeing, AFTER_DUE)).toEqual({
      status: 'missed',
      decidedOn: '2025-03-15',
      reason: null,
    });
  });

  it('when a domain improved only in a later meter that skipped another, then only domains answered in both count', () => {
    const measurements = [baseline, meter(GUARDIAN, '2024-09-10', { housing: 3, 'daily-life': 3, 'finances-and-work': 5 })];
    expect(decideOutcome(facts({ measurements }), wellbeing, AFTER_DUE).status).toBe('missed');
  });

  it("when the improvement was measured before the enrolment day, then it is not the programme's and the outcome is missed", () => {
    const measurements = [baseline, meter(GUARDIAN, '2024-03-14', { housing: 3, 'daily-life': 3, safety: 4 })];
    expect(decideOutcome(facts({ measurements }), wellbeing, AFTER_DUE).status).toBe('missed');
  });

  it('when the improvement came after the due day, then it is missed', () => {
    const measurements = [baseline, meter(GUARDIAN, '2025-03-16', { housing: 3, 'daily-life': 3, safety: 4 })];
    expect(decideOutcome(facts({ measurements }), wellbeing, AFTER_DUE).status).toBe('missed');
  });

  it('when no meter was taken from 90 days before to 30 days after enrolment, then it is not measurable: no baseline', () => {
    const measurements = [
      meter(GUARDIAN, '2023-12-15', { housing: 1, 'daily-life': 1, safety: 1 }),
      meter(GUARDIAN, '2024-04-15', { housing: 4, 'daily-life': 4, safety: 4 }),
    ];
    expect(decideOutcome(facts({ measurements }), wellbeing, AFTER_DUE)).toEqual({
      status: 'not_measurable',
      decidedOn: null,
      reason: 'no_baseline',
    });
  });

  it('when the baseline window is still open, then it is pending', () => {
    expect(decideOutcome(facts(), wellbeing, '2024-04-01')).toEqual({ status: 'pending', decidedOn: '2025-03-15', reason: null });
  });

  it('when the family left after reaching it, then it stays reached; when it left before, it is not measurable', () => {
    const measurements = [baseline, meter(GUARDIAN, '2024-09-10', { housing: 3, 'daily-life': 3, safety: 4 })];
    expect(decideOutcome(facts({ measurements, endedOn: '2024-10-01', endReason: 'moved' }), wellbeing, AFTER_DUE).status).toBe(
      'reached',
    );
    expect(decideOutcome(facts({ measurements, endedOn: '2024-09-01', endReason: 'moved' }), wellbeing, AFTER_DUE).reason).toBe(
      'ended_before_due',
    );
  });
});

describe('a goal reached within 12 months', () => {
  const ending = (change: Partial<EnrolmentFacts['goalEndings'][number]>) => ({
    status: 'reached' as const,
    endedOn: '2024-08-01',
    attainedLevel: null,
    hasScale: false,
    ...change,
  });

  it('when the first goal reached ended on 1 August, then it is reached on that day', () => {
    const goalEndings = [ending({ endedOn: '2024-12-01' }), ending({})];
    expect(decideOutcome(facts({ goalEndings }), goal, AFTER_DUE)).toEqual({
      status: 'reached',
      decidedOn: '2024-08-01',
      reason: null,
    });
  });

  it('when the goal reached was reopened, then it is no longer among the endings and the outcome is missed', () => {
    // A reopened goal is open again: the facts hold only ended goals as they stand now.
    expect(decideOutcome(facts({ goalEndings: [] }), goal, AFTER_DUE)).toEqual({
      status: 'missed',
      decidedOn: '2025-03-15',
      reason: null,
    });
  });

  it.each([
    [
      'a scaled goal partly reached at the expected level 0',
      ending({ status: 'partly_reached', hasScale: true, attainedLevel: 0 }),
      'reached',
    ],
    ['a scaled goal partly reached at -1', ending({ status: 'partly_reached', hasScale: true, attainedLevel: -1 }), 'missed'],
    ['a scaled goal reached at +2', ending({ hasScale: true, attainedLevel: 2 }), 'reached'],
    ['a scaled goal reached with no level given', ending({ hasScale: true, attainedLevel: null }), 'reached'],
    ['a goal partly reached without a scale', ending({ status: 'partly_reached' }), 'missed'],
    ['a dropped goal', ending({ status: 'dropped' }), 'missed'],
    ['a goal reached before the enrolment', ending({ endedOn: '2024-03-14' }), 'missed'],
    ['a goal reached after the due day', ending({ endedOn: '2025-03-16' }), 'missed'],
  ])('when the family has %s, then the outcome is %s', (_case, goalEnding, status) => {
    expect(decideOutcome(facts({ goalEndings: [goalEnding] }), goal, AFTER_DUE).status).toBe(status);
  });

  it('when the family left before any goal was reached, then it is not measurable', () => {
    expect(decideOutcome(facts({ endedOn: '2024-06-01', endReason: 'left' }), goal, AFTER_DUE).reason).toBe('ended_before_due');
  });
});
