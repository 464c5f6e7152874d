import type {
  AssessmentDomain,
  EnrolmentEndReason,
  EnrolmentOutcome,
  GoalStatus,
  ProgramMetricDefinition,
  UsagePeriod,
} from '@yhdessa/shared';
import { addDays, addMonths } from '../../core/calendar-days';

/**
 * How one outcome of one enrolment stands, from the product's own data: the rules of
 * `programMetricDefinitionSchema`, as pure functions over one enrolment's facts. Days are
 * `YYYY-MM-DD` strings, which compare as dates.
 */

export interface EnrolmentFacts {
  enrolledOn: string;
  endedOn: string | null;
  endReason: EnrolmentEndReason | null;
  /** The family's usage of services (a month's usage is dated on the month's first day). */
  usage: Array<{ serviceId: string; usedOn: string; period: UsagePeriod }>;
  /** The family's wellbeing meters, in the order they were taken. */
  measurements: Array<{ memberId: string; takenOn: string; scores: Partial<Record<AssessmentDomain, number>> }>;
  /** The family's goals that have ended, as they stand now (a reopened goal is open again, so not here). */
  goalEndings: Array<{ status: Exclude<GoalStatus, 'open'>; endedOn: string; attainedLevel: number | null; hasScale: boolean }>;
}

export type Outcome = Omit<EnrolmentOutcome, 'metricId'>;

/** The last day of the month a day falls in. */
const monthEnd = (day: string) => addDays(addMonths(`${day.slice(0, 7)}-01`, 1), -1);

/** A usage's days: the day, or the whole month it was recorded for. */
export const usageSpan = (usage: { usedOn: string; period: UsagePeriod }): [string, string] =>
  usage.period === 'day' ? [usage.usedOn, usage.usedOn] : [usage.usedOn, monthEnd(usage.usedOn)];

/** The baseline meter may be this many days before or after the enrolment day. */
const BASELINE_DAYS_BEFORE = 90;
const BASELINE_DAYS_AFTER = 30;

const pending = (dueOn: string): Outcome => ({ status: 'pending', decidedOn: dueOn, reason: null });
const notMeasurable = (reason: 'ended_before_due' | 'no_baseline'): Outcome => ({
  status: 'not_measurable',
  decidedOn: null,
  reason,
});

/**
 * An enrolment is in the programme up to its ending day: an outcome decided on that day still
 * counts, one decided later is not measurable.
 */
const endedBefore = (facts: EnrolmentFacts, day: string) => facts.endedOn !== null && facts.endedOn < day;

/** Reached on `reachedOn` when something happened in time; otherwise missed on the due day, once it has come. */
function decide(facts: EnrolmentFacts, dueOn: string, reachedOn: string | null, today: string): Outcome {
  if (reachedOn !== null)
    return endedBefore(facts, reachedOn)
      ? notMeasurable('ended_before_due')
      : { status: 'reached', decidedOn: reachedOn, reason: null };
  if (endedBefore(facts, dueOn)) return notMeasurable('ended_before_due');
  return dueOn > today ? pending(dueOn) : { status: 'missed', decidedOn: dueOn, reason: null };
}

function livesAtHome(facts: EnrolmentFacts, dueOn: string, placementServiceIds: readonly string[], today: string): Outcome {
  if (endedBefore(facts, dueOn)) return notMeasurable('ended_before_due');
  if (dueOn > today) return pending(dueOn);
  const placed = facts.usage.some((usage) => {
    const [first, last] = usageSpan(usage);
    return placementServiceIds.includes(usage.serviceId) && first <= dueOn && last >= facts.enrolledOn;
  });
  return { status: placed ? 'missed' : 'reached', decidedOn: dueOn, reason: null };
}

function wellbeingImproved(
  facts: EnrolmentFacts,
  dueOn: string,
  rule: { steps: number; domains: number },
  today: string,
): Outcome {
  const windowEnd = addDays(facts.enrolledOn, BASELINE_DAYS_AFTER);
  const windowStart = addDays(facts.enrolledOn, -BASELINE_DAYS_BEFORE);
  const byDay = [...facts.measurements].sort((a, b) => (a.takenOn < b.takenOn ? -1 : a.takenOn > b.takenOn ? 1 : 0));
  const baseline = byDay.find((meter) => meter.takenOn >= windowStart && meter.takenOn <= windowEnd);
  if (!baseline) {
    // The baseline may still come while its window is open and the family is in the programme.
    const mayStillCome = windowEnd > today && facts.endedOn === null;
    return mayStillCome ? pending(dueOn) : notMeasurable('no_baseline');
  }
  const improved = byDay.find((meter) => {
    // A change is the programme's only from the enrolment day on, though the baseline may be older.
    const inTime = meter.takenOn > baseline.takenOn && meter.takenOn >= facts.enrolledOn && meter.takenOn <= dueOn;
    if (meter.memberId !== baseline.memberId || !inTime) return false;
    const better = (Object.keys(meter.scores) as AssessmentDomain[]).filter((domain) => {
      const before = baseline.scores[domain];
      return before !== undefined && meter.scores[domain]! - before >= rule.steps;
    });
    return better.length >= rule.domains;
  });
  return decide(facts, dueOn, improved?.takenOn ?? null, today);
}

/** A goal counts when it ended reached, or, with attainment levels, at the expected level (0) or above. */
const goalCounts = (goal: EnrolmentFacts['goalEndings'][number]) =>
  goal.status === 'reached' ||
  (goal.status !== 'dropped' && goal.hasScale && goal.attainedLevel !== null && goal.attainedLevel >= 0);

function goalReached(facts: EnrolmentFacts, dueOn: string, today: string): Outcome {
  const first = facts.goalEndings
    .filter((goal) => goalCounts(goal) && goal.endedOn >= facts.enrolledOn && goal.endedOn <= dueOn)
    .map((goal) => goal.endedOn)
    .sort()[0];
  return decide(facts, dueOn, first ?? null, today);
}

/** Where one outcome of one enrolment stands on `today`. */
export function decideOutcome(facts: EnrolmentFacts, definition: ProgramMetricDefinition, today: string): Outcome {
  const dueOn = addMonths(facts.enrolledOn, definition.months);
  switch (definition.kind) {
    case 'lives_at_home':
      return livesAtHome(facts, dueOn, definition.placementServiceIds, today);
    case 'wellbeing_improved':
      return wellbeingImproved(facts, dueOn, definition, today);
    case 'goal_reached':
      return goalReached(facts, dueOn, today);
  }
}
