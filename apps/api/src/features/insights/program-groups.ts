import type { CostCell } from '@yhdessa/shared';
import type { EnrolmentSpan } from '../programs';
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
export function programGroups(spans: readonly EnrolmentSpan[], counted: CountedProgramUsage, years: readonly number[]) {
  const programs = new Map<string, { name: string; spans: EnrolmentSpan[] }>();
  for (const span of spans) {
    const program = programs.get(span.program.id) ?? { name: span.program.name, spans: [] };
    program.spans.push(span);
    programs.set(span.program.id, program);
  }
  return [...programs.values()].map(({ name, spans: programSpans }): OutcomeGroupSource => {
    const spansOf = new Map<string, EnrolmentSpan[]>();
    for (const span of programSpans) spansOf.set(span.familyId, [...(spansOf.get(span.familyId) ?? []), span]);
    const costs = programCosts(counted.get(programSpans[0]!.program.id) ?? new Map(), years);
    return {
      kind: 'program',
      label: { fi: name },
      includes: (familyId, year) =>
        (spansOf.get(familyId) ?? []).some((span) => overlaps(span, `${year}-01-01`, `${year}-12-31`)),
      costOf: (year) => costs.get(year) ?? { suppressed: false, costCents: 0, families: 0 },
    };
  });
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
