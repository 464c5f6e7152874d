import type { InsightsChange, InsightsChangeRequest } from '@yhdessa/shared';
import { AppError } from '../../core/app-error';
import type { Queryable } from '../../db/database';
import { compareCohort, compareYears, completeCohorts } from './change-figures';
import { buildCostTables, type CostTableLayout, type CountedUsage } from './cost-figures';
import { countCohortUsage, listLastCaseOpenings } from './usage-counts.repository';

const monthsOf = (year: number) => Array.from({ length: 12 }, (_, index) => `${year}-${String(index + 1).padStart(2, '0')}`);
const byService: CostTableLayout['rows'] = { kind: 'service' };
const byOrganisation: CostTableLayout['rows'] = { kind: 'organisation' };
/** The families' municipality; the families whose coordinator has none are a row of their own, never shown. */
const byMunicipality: CostTableLayout['rows'] = { kind: 'municipality' };
const monthsOfYear = (year: number): Pick<CostTableLayout, 'columns' | 'columnsTotal'> => ({
  columns: { kind: 'month', keys: monthsOf(year) },
  columnsTotal: `year:${year}`,
});

/**
 * Every cost table the manager's area shows, suppressed together: by service and year, by the
 * families' municipality and year (the outcome views' cost per outcome), and by service and by
 * provider for each month of each year with usage (and of `alsoYear`, which adds only empty tables
 * and so changes no other figure). A figure two tables share is hidden in both or neither, and the
 * tables of one year never give away what another's hide.
 */
export function publishCostTables(counted: CountedUsage, alsoYear?: number) {
  const { years } = counted;
  const monthlyYears = alsoYear === undefined || years.includes(alsoYear) ? years : [...years, alsoYear];
  const byYear: Pick<CostTableLayout, 'columns' | 'columnsTotal'> = {
    columns: { kind: 'year', keys: years.map(String) },
    columnsTotal: 'all',
  };
  const layouts: CostTableLayout[] = [
    { rows: byService, ...byYear },
    { rows: byMunicipality, ...byYear },
    ...monthlyYears.flatMap((each) => [
      { rows: byService, ...monthsOfYear(each) },
      { rows: byOrganisation, ...monthsOfYear(each) },
    ]),
  ];
  const [byServiceYear, byMunicipalityYear, ...monthly] = buildCostTables(counted, layouts);
  const monthlyOf = (year: number) => {
    const at = monthlyYears.indexOf(year) * 2;
    return at < 0 ? null : { byService: monthly[at]!, byOrganisation: monthly[at + 1]! };
  };
  return { years, byServiceYear: byServiceYear!, byMunicipalityYear: byMunicipalityYear!, monthlyOf };
}

/**
 * The same cost figures before and after: two calendar years, taken from the published table by
 * service and year (so nothing it hides shows here), or a cohort's first case year against its
 * second. Only the years and cohorts listed in the answer can be asked for.
 */
export async function readChange(
  db: Queryable,
  request: InsightsChangeRequest,
  today: string,
  counted: CountedUsage,
): Promise<InsightsChange> {
  const { years } = counted;
  const cohorts = completeCohorts(await listLastCaseOpenings(db), today.slice(0, 7));
  const asked = request ?? defaultComparison(years, Number(today.slice(0, 4)));
  if (asked === null) return { years, cohorts, comparison: null };
  if (asked.mode === 'years') {
    for (const field of ['before', 'after'] as const)
      if (!years.includes(asked[field]))
        throw invalidChoice(field, `Only years with recorded usage can be compared: ${years.join(', ') || 'none yet'}.`);
    // The table by year is the one `/insights/costs` publishes, whichever year's months it shows.
    const { byServiceYear } = publishCostTables(counted);
    return { years, cohorts, comparison: compareYears(byServiceYear.table, asked.before, asked.after) };
  }
  if (!cohorts.includes(asked.opened))
    throw invalidChoice(
      'opened',
      `Only a year whose every family has had two case years can be compared: ${cohorts.join(', ') || 'none yet'}.`,
    );
  return { years, cohorts, comparison: compareCohort(await countCohortUsage(db, asked.opened)) };
}

/** The last two whole years with usage, else the last two years with any; none when there are not two. */
function defaultComparison(years: readonly number[], thisYear: number): InsightsChangeRequest {
  const whole = years.filter((year) => year < thisYear);
  const [before, after] = (whole.length >= 2 ? whole : years).slice(-2);
  return before === undefined || after === undefined ? null : { mode: 'years', before, after };
}

const invalidChoice = (field: string, message: string) =>
  new AppError('validation_failed', message, { errors: [{ path: `query.${field}`, message }] });
