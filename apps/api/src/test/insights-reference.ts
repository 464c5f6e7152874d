import {
  assessmentDomains,
  WELLBEING_FOLLOW_UP_DAYS,
  WELLBEING_IMPROVED_DOMAINS,
  type AssessmentDomain,
  type CostPerFamily,
  type LocalizedText,
  type UsagePeriod,
} from '@yhdessa/shared';
import type { CountedCohort } from '../features/insights/change-figures';
import { spreadOfFamilies, type CountedFigure, type CountedUsage } from '../features/insights/cost-figures';
import type { WellbeingChange } from '../features/insights/outcome-figures';
import type { CountedProgramUsage } from '../features/insights/program-groups';
import { usageSpan, type EnrolmentSpan } from '../features/programs';

/**
 * The manager's figures counted row by row, in plain code: the reference that the counts the API
 * makes in SQL (features/insights/usage-counts.repository.ts, outcomes.repository.ts) are checked
 * against, and the way the tests of what a figure means get their counts from rows they can read.
 */

/** One usage row priced by the price period it falls in. */
export interface PricedUsage {
  familyId: string;
  service: { id: string; name: LocalizedText };
  /** The provider: the organisation the service belongs to. */
  organisation: { id: string; name: string };
  /** The family's municipality: its coordinator's organisation; null when the coordinator has none. */
  municipality: { id: string; name: string } | null;
  /** `YYYY-MM-DD`; a month's usage is dated on the month's first day. */
  usedOn: string;
  period: UsagePeriod;
  costCents: number;
}

/** The rows a usage row counts in: its service, its provider, its family's municipality (`none` without one), and all. */
const rowsOf = (item: PricedUsage): { key: string; label: LocalizedText }[] => [
  { key: `service:${item.service.id}`, label: item.service.name },
  { key: `organisation:${item.organisation.id}`, label: { fi: item.organisation.name } },
  {
    key: `municipality:${item.municipality?.id ?? 'none'}`,
    label: { fi: item.municipality?.name ?? '' },
  },
];

/**
 * Every figure a cost table can name, counted from the rows: each row of `rowsOf` and all of them
 * together, by month, by year and in all (`service:<id>|month:2026-01`, `all|year:2026`,
 * `municipality:none|all`); each figure counts its families once however many rows it adds up.
 */
export function countUsage(usage: readonly PricedUsage[]): CountedUsage {
  const labels = new Map<string, LocalizedText>();
  const members = new Map<string, PricedUsage[]>();
  for (const item of usage) {
    const rows = rowsOf(item);
    for (const { key, label } of rows) labels.set(key, label);
    const columns = [`month:${item.usedOn.slice(0, 7)}`, `year:${item.usedOn.slice(0, 4)}`, 'all'];
    for (const row of [...rows.map(({ key }) => key), 'all'])
      for (const column of columns) {
        const items = members.get(`${row}|${column}`) ?? [];
        members.set(`${row}|${column}`, items);
        items.push(item);
      }
  }
  const figureOf = (items: readonly PricedUsage[]): CountedFigure => ({
    families: new Set(items.map((item) => item.familyId)).size,
    value: items.reduce((sum, item) => sum + item.costCents, 0),
    firstSeen: items.map((item) => `${item.usedOn}${item.service.id}`).sort()[0]!,
  });
  return {
    years: [...new Set(usage.map((item) => Number(item.usedOn.slice(0, 4))))].sort((a, b) => a - b),
    labels,
    figures: new Map([...members].map(([key, items]) => [key, figureOf(items)])),
  };
}

/**
 * The quartiles of a sample by linear interpolation between the closest ranks (R's type 7, as a
 * spreadsheet's QUARTILE.INC and PostgreSQL's percentile_cont), in whole cents.
 */
export function quartiles(values: readonly number[]): { lower: number; median: number; upper: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => {
    const position = (sorted.length - 1) * p;
    const below = Math.floor(position);
    const above = Math.min(below + 1, sorted.length - 1);
    return Math.round(sorted[below]! + (sorted[above]! - sorted[below]!) * (position - below));
  };
  return { lower: at(0.25), median: at(0.5), upper: at(0.75) };
}

/** The spread of what each family's rows cost in total; hidden when fewer than five families had any. */
export function costPerFamily(usage: readonly PricedUsage[]): CostPerFamily {
  const totals = new Map<string, number>();
  for (const item of usage) totals.set(item.familyId, (totals.get(item.familyId) ?? 0) + item.costCents);
  return spreadOfFamilies(totals.size, () => quartiles([...totals.values()]));
}

/** When a family's case opened: the month of `families.created_at` in Finland, `YYYY-MM`. */
export interface CaseOpening {
  familyId: string;
  openedIn: string;
}

/** Months counted from year 0, so that two months subtract: `YYYY-MM` or a `YYYY-MM-DD` in it. */
const monthNumber = (isoMonth: string) => Number(isoMonth.slice(0, 4)) * 12 + Number(isoMonth.slice(5, 7)) - 1;

/** The case year (0: the opening month and the 11 after it, 1: the next 12) of a day of a family whose case opened in `openedIn`, or null. */
const caseYearOf = (usedOn: string, openedIn: string) => {
  const caseYear = Math.floor((monthNumber(usedOn) - monthNumber(openedIn)) / 12);
  return caseYear === 0 || caseYear === 1 ? caseYear : null;
};

/** The cohort of `opened` and its usage in its first two case years, counted from the rows. */
export function countCohort(usage: readonly PricedUsage[], openings: readonly CaseOpening[], opened: number): CountedCohort {
  const cohort = new Map(
    openings.filter((opening) => opening.openedIn.startsWith(`${opened}-`)).map((opening) => [opening.familyId, opening]),
  );
  const sums = new Map<string, { families: Set<string>; value: number }>();
  const services = new Map<string, CountedCohort['services'][number]>();
  for (const item of usage) {
    const opening = cohort.get(item.familyId);
    const caseYear = opening ? caseYearOf(item.usedOn, opening.openedIn) : null;
    if (caseYear === null) continue;
    const seen = `${item.usedOn}${item.service.id}`;
    const service = services.get(item.service.id);
    if (!service || seen < service.firstSeen)
      services.set(item.service.id, { id: item.service.id, label: item.service.name, firstSeen: seen });
    for (const key of [`${item.service.id}|${caseYear}`, `all|${caseYear}`]) {
      const sum = sums.get(key) ?? { families: new Set(), value: 0 };
      sum.families.add(item.familyId);
      sum.value += item.costCents;
      sums.set(key, sum);
    }
  }
  return {
    opened,
    families: cohort.size,
    services: [...services.values()],
    figures: new Map([...sums].map(([key, sum]) => [key, { families: sum.families.size, value: sum.value }])),
  };
}

/**
 * Each programme's usage by year (of `years`) and in all (null), counted from the rows: the cost
 * of its families' rows while enrolled (a month's usage when the month overlaps the enrolment) and
 * from how many families, and how many families had rows in the period outside the programme.
 */
export function countProgramUsage(
  spans: readonly EnrolmentSpan[],
  usage: readonly PricedUsage[],
  years: readonly number[],
): CountedProgramUsage {
  const periods: (number | null)[] = [...years, null];
  const counted: CountedProgramUsage = new Map();
  for (const programId of new Set(spans.map((span) => span.program.id))) {
    const enrolled = (item: PricedUsage) => {
      const [first, last] = usageSpan(item);
      return spans.some(
        (span) =>
          span.program.id === programId &&
          span.familyId === item.familyId &&
          span.enrolledOn <= last &&
          (span.endedOn === null || span.endedOn >= first),
      );
    };
    const sums = periods.map(() => ({ value: 0, families: new Set<string>(), outside: new Set<string>() }));
    for (const item of usage) {
      const inProgram = enrolled(item);
      for (const sum of [sums[years.indexOf(Number(item.usedOn.slice(0, 4)))], sums.at(-1)!]) {
        if (!sum) continue;
        if (!inProgram) sum.outside.add(item.familyId);
        else {
          sum.value += item.costCents;
          sum.families.add(item.familyId);
        }
      }
    }
    counted.set(
      programId,
      new Map(
        periods.map((period, index) => {
          const { value, families, outside } = sums[index]!;
          return [period, { families: families.size, value, familiesOutside: outside.size }];
        }),
      ),
    );
  }
  return counted;
}

/** One wellbeing meter of a member. */
export interface WellbeingMeter {
  familyId: string;
  memberId: string;
  /** `YYYY-MM-DD`. */
  takenOn: string;
  scores: Partial<Record<AssessmentDomain, number>>;
}

const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / (24 * 60 * 60 * 1000));

/**
 * Each family's first meter against the latest meter of the same member at least 90 days after it.
 * When several members have such a pair, the member whose first meter is earliest counts, so a
 * family counts once. A family improved when three or more domains rose by a step or more.
 */
export function wellbeingChanges(meters: readonly WellbeingMeter[]): WellbeingChange[] {
  const byMember = new Map<string, WellbeingMeter[]>();
  for (const meter of meters) {
    const key = `${meter.familyId}|${meter.memberId}`;
    byMember.set(key, [...(byMember.get(key) ?? []), meter]);
  }
  const pairs = new Map<string, { baseline: WellbeingMeter; latest: WellbeingMeter }>();
  for (const taken of byMember.values()) {
    const sorted = [...taken].sort((a, b) => a.takenOn.localeCompare(b.takenOn));
    const [baseline, latest] = [sorted[0]!, sorted.at(-1)!];
    if (daysBetween(baseline.takenOn, latest.takenOn) < WELLBEING_FOLLOW_UP_DAYS) continue;
    const chosen = pairs.get(baseline.familyId);
    const earlier =
      !chosen ||
      baseline.takenOn < chosen.baseline.takenOn ||
      (baseline.takenOn === chosen.baseline.takenOn && baseline.memberId < chosen.baseline.memberId);
    if (earlier) pairs.set(baseline.familyId, { baseline, latest });
  }
  return [...pairs.values()].map(({ baseline, latest }) => {
    const changes: WellbeingChange['changes'] = {};
    for (const domain of assessmentDomains) {
      const [before, after] = [baseline.scores[domain], latest.scores[domain]];
      if (before !== undefined && after !== undefined) changes[domain] = after - before;
    }
    const rose = Object.values(changes).filter((change) => change >= 1).length;
    return {
      familyId: baseline.familyId,
      year: Number(latest.takenOn.slice(0, 4)),
      changes,
      improved: rose >= WELLBEING_IMPROVED_DOMAINS,
    };
  });
}
