import type { CostCell } from '@yhdessa/shared';
import { usageSpan, type EnrolmentSpan } from '../programs';
import type { PricedUsage } from './cost-figures';
import type { OutcomeGroupSource } from './outcome-figures';
import { suppressFigures, type FigureFacts } from './suppression';

/**
 * A programme's usage counted, by programme id and year (null: every year): the cost of its
 * families' usage while enrolled and how many families it is from, and how many families had usage
 * in the period outside the programme. The API counts it in SQL (usage-counts.repository.ts).
 */
export type CountedProgramUsage = Map<string, Map<number | null, Required<FigureFacts>>>;

const overlaps = (span: EnrolmentSpan, first: string, last: string) =>
  span.enrolledOn <= last && (span.endedOn === null || span.endedOn >= first);

/**
 * One outcome group per programme: a family counts in the years its enrolment overlaps, and the
 * cost is its usage while enrolled (a month's usage when the month overlaps), as the programme's
 * own report counts it.
 */
export function programGroups(
  spans: readonly EnrolmentSpan[],
  usage: readonly PricedUsage[] | CountedProgramUsage,
  years: readonly number[],
) {
  const programs = new Map<string, { name: string; spans: EnrolmentSpan[] }>();
  for (const span of spans) {
    const program = programs.get(span.program.id) ?? { name: span.program.name, spans: [] };
    program.spans.push(span);
    programs.set(span.program.id, program);
  }
  return [...programs.values()].map(({ name, spans: programSpans }): OutcomeGroupSource => {
    const spansOf = new Map<string, EnrolmentSpan[]>();
    for (const span of programSpans) spansOf.set(span.familyId, [...(spansOf.get(span.familyId) ?? []), span]);
    const enrolled = (familyId: string, first: string, last: string) =>
      (spansOf.get(familyId) ?? []).some((span) => overlaps(span, first, last));
    const counted =
      usage instanceof Map
        ? (usage.get(programSpans[0]!.program.id) ?? new Map<number | null, Required<FigureFacts>>())
        : countProgramUsage(usage, years, enrolled);
    const costs = programCosts(counted, years);
    return {
      kind: 'program',
      label: { fi: name },
      includes: (familyId, year) =>
        (spansOf.get(familyId) ?? []).some((span) => overlaps(span, `${year}-01-01`, `${year}-12-31`)),
      costOf: (year) => costs.get(year) ?? { suppressed: false, costCents: 0, families: 0 },
    };
  });
}

/** The programme's usage in each year and in all, counted from usage rows. */
function countProgramUsage(
  usage: readonly PricedUsage[],
  years: readonly number[],
  enrolled: (familyId: string, first: string, last: string) => boolean,
): Map<number | null, Required<FigureFacts>> {
  const periods: (number | null)[] = [...years, null];
  const sums = periods.map(() => ({ costCents: 0, families: new Set<string>(), outside: new Set<string>() }));
  for (const item of usage) {
    const [first, last] = usageSpan(item);
    const inProgram = enrolled(item.familyId, first, last);
    for (const index of [years.indexOf(Number(item.usedOn.slice(0, 4))), periods.length - 1]) {
      const sum = sums[index];
      if (!sum) continue;
      if (inProgram) {
        sum.costCents += item.costCents;
        sum.families.add(item.familyId);
      } else sum.outside.add(item.familyId);
    }
  }
  return new Map(
    periods.map((period, index) => {
      const sum = sums[index]!;
      return [period, { families: sum.families.size, value: sum.costCents, familiesOutside: sum.outside.size }];
    }),
  );
}

/**
 * The programme's cost in each year and in all. A cell is hidden when drawn from 1 to 4 families,
 * or when 1 to 4 families had usage in its period that it leaves out (the municipality's total less
 * this cell would tell theirs); the years and their total are one line, so one hidden year hides another.
 */
function programCosts(
  counted: Map<number | null, Required<FigureFacts>>,
  years: readonly number[],
): Map<number | null, CostCell> {
  const periods: (number | null)[] = [...years, null];
  const facts = periods.map((period) => counted.get(period) ?? { families: 0, value: 0, familiesOutside: 0 });
  const hidden = suppressFigures(facts, [periods.map((_, index) => index)]);
  return new Map(
    periods.map((period, index): [number | null, CostCell] => [
      period,
      hidden[index]
        ? { suppressed: true, costCents: null, families: null }
        : { suppressed: false, costCents: facts[index]!.value, families: facts[index]!.families },
    ]),
  );
}
