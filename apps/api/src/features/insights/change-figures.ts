import type { ChangeComparison, ChangeFigures, CostCell, CostTable, DifferenceCell, LocalizedText } from '@yhdessa/shared';
import { MIN_FAMILIES_PER_FIGURE } from '@yhdessa/shared';
import { suppressFigures, type FigureFacts } from './suppression';

/** A case year is the opening month and the 11 after it; the comparison takes the first two. */
const CASE_YEAR_MONTHS = 12;

/** Months counted from year 0, so that two months subtract: `YYYY-MM` or a `YYYY-MM-DD` in it. */
const monthNumber = (isoMonth: string) => Number(isoMonth.slice(0, 4)) * 12 + Number(isoMonth.slice(5, 7)) - 1;

const finnish = new Intl.Collator('fi');
const hiddenCost: CostCell = { suppressed: true, costCents: null, families: null };
const hiddenDifference: DifferenceCell = { suppressed: true, cents: null, percent: null };
const notComparable: DifferenceCell = { suppressed: false, cents: null, percent: null };
const hiddenFigures: ChangeFigures = {
  before: hiddenCost,
  after: hiddenCost,
  difference: hiddenDifference,
  perFamilyBefore: hiddenCost,
  perFamilyAfter: hiddenCost,
  perFamilyDifference: hiddenDifference,
};

/** After minus before, and in per cent of before; hidden when either is. */
function differenceOf(before: CostCell, after: CostCell): DifferenceCell {
  if (before.suppressed || after.suppressed) return hiddenDifference;
  const cents = after.costCents - before.costCents;
  return {
    suppressed: false,
    cents,
    percent: before.costCents === 0 ? null : Math.round((cents / before.costCents) * 1000) / 10,
  };
}

/** A cost divided among `divisor` families, in whole cents; hidden with the cost. */
const perFamily = (cell: CostCell, divisor: number): CostCell =>
  cell.suppressed ? cell : { ...cell, costCents: divisor === 0 ? 0 : Math.round(cell.costCents / divisor) };

/**
 * Two years of the published table by service and year, side by side. Every figure here is a
 * cell of that table, or is worked out from its cells only, so this view cannot tell anything the
 * table hides. The cost per family is per family with usage that year; with none on one side, the
 * two are not compared.
 */
export function compareYears(table: CostTable, before: number, after: number): ChangeComparison {
  const [from, to] = [before, after].map((year) => table.columns.indexOf(String(year))) as [number, number];
  const line = (cells: readonly CostCell[]): ChangeFigures => {
    const [was, is] = [cells[from]!, cells[to]!];
    const [perFamilyBefore, perFamilyAfter] = [was, is].map((cell) => perFamily(cell, cell.families ?? 0)) as [
      CostCell,
      CostCell,
    ];
    return {
      before: was,
      after: is,
      difference: differenceOf(was, is),
      perFamilyBefore,
      perFamilyAfter,
      perFamilyDifference:
        was.families === 0 || is.families === 0 ? notComparable : differenceOf(perFamilyBefore, perFamilyAfter),
    };
  };
  const used = (cell: CostCell) => cell.suppressed || cell.families > 0;
  return {
    mode: 'years',
    before,
    after,
    rows: table.rows
      .filter((row) => used(row.cells[from]!) || used(row.cells[to]!))
      .map((row) => ({ label: row.label, ...line(row.cells) })),
    total: line(table.columnTotals),
  };
}

/**
 * The years of opening whose every family has had its first 24 case months end before this month,
 * oldest first: of each year, the month (`YYYY-MM`) its last case opened in is enough.
 */
export function completeCohorts(openings: readonly { openedIn: string }[], thisMonth: string): number[] {
  const lastOpening = new Map<number, number>();
  for (const { openedIn } of openings) {
    const year = Number(openedIn.slice(0, 4));
    lastOpening.set(year, Math.max(lastOpening.get(year) ?? 0, monthNumber(openedIn)));
  }
  return [...lastOpening]
    .filter(([, last]) => last + 2 * CASE_YEAR_MONTHS <= monthNumber(thisMonth))
    .map(([year]) => year)
    .sort((a, b) => a - b);
}

/**
 * A cohort's usage in its first two case years, counted: its size, the services it used in them
 * with their first use (`YYYY-MM-DD` and the service's id), and the families and cost of each
 * service and of all in each case year, named `<service id>|0` … `all|1`.
 */
export interface CountedCohort {
  opened: number;
  families: number;
  services: { id: string; label: LocalizedText; firstSeen: string }[];
  figures: Map<string, { families: number; value: number }>;
}

/**
 * The families whose case opened in a year: each family's first case year against its second, by
 * service and in total, added up over the cohort. A family whose case closed stays in the cohort
 * with what it used, so ending support counts as a saving. The cost per family is per family of
 * the cohort. A cost drawn from 1 to 4 families, or leaving out 1 to 4 of the cohort (its size is
 * shown), is hidden, and in each year's column the next-smallest cost that would give it away
 * through the total; under five families in the cohort, everything is.
 */
export function compareCohort(counted: CountedCohort): ChangeComparison {
  const { opened, families: size } = counted;
  if (size < MIN_FAMILIES_PER_FIGURE)
    return { mode: 'case-years', opened, cohort: { suppressed: true, families: null }, rows: [], total: hiddenFigures };

  // Services by Finnish name; of one name, the one used first.
  const services = [...counted.services].sort(
    (a, b) => finnish.compare(a.label.fi, b.label.fi) || (a.firstSeen < b.firstSeen ? -1 : a.firstSeen > b.firstSeen ? 1 : 0),
  );
  // Figures service by service and then all services, each with its first year and then its second.
  const groups = [...services.map((service) => service.id), 'all'];
  const figures = groups.flatMap((group) =>
    [0, 1].map((caseYear): FigureFacts => {
      const { families, value } = counted.figures.get(`${group}|${caseYear}`) ?? { families: 0, value: 0 };
      return { families, value, familiesOutside: size - families };
    }),
  );
  // Each year's column adds up to its total; no two-year total is shown, so the rows add up to nothing.
  const lines = [0, 1].map((caseYear) => groups.map((_, group) => group * 2 + caseYear));
  const hidden = suppressFigures(figures, lines);

  const line = (group: number): ChangeFigures => {
    const [before, after] = [0, 1].map((caseYear): CostCell => {
      const index = group * 2 + caseYear;
      return hidden[index]
        ? hiddenCost
        : { suppressed: false, costCents: figures[index]!.value, families: figures[index]!.families };
    }) as [CostCell, CostCell];
    const [perFamilyBefore, perFamilyAfter] = [perFamily(before, size), perFamily(after, size)];
    return {
      before,
      after,
      difference: differenceOf(before, after),
      perFamilyBefore,
      perFamilyAfter,
      perFamilyDifference: differenceOf(perFamilyBefore, perFamilyAfter),
    };
  };
  return {
    mode: 'case-years',
    opened,
    cohort: { suppressed: false, families: size },
    rows: services.map(({ label }, group) => ({ label, ...line(group) })),
    total: line(services.length),
  };
}
