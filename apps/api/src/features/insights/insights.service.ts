import type {
  CostCell,
  InsightsChange,
  InsightsChangeRequest,
  InsightsCosts,
  InsightsForecast,
  LocalizedText,
} from '@yhdessa/shared';
import { AppError } from '../../core/app-error';
import type { Queryable } from '../../db/database';
import { compareCaseYears, compareYears, completeCohorts } from './change-figures';
import { FORECAST_CONFIDENCE, forecastYear, monthsBefore } from './cost-forecast';
import { buildCostTables, costPerFamily, type CostTableLayout, type PricedUsage } from './cost-figures';
import { listCaseOpeningsOfAllFamilies, listPricedUsageOfAllFamilies } from './insights.repository';

const monthsOf = (year: number) => Array.from({ length: 12 }, (_, index) => `${year}-${String(index + 1).padStart(2, '0')}`);
const byService: CostTableLayout['rows'] = {
  kind: 'service',
  of: (usage) => ({ key: usage.service.id, label: usage.service.name }),
};
const byOrganisation: CostTableLayout['rows'] = {
  kind: 'organisation',
  of: (usage) => ({ key: usage.organisation.id, label: { fi: usage.organisation.name } }),
};
/** The family's municipality; a family whose coordinator has none is a row of its own, never shown. */
const byMunicipality: CostTableLayout['rows'] = {
  kind: 'municipality',
  of: (usage) =>
    usage.municipality
      ? { key: usage.municipality.id, label: { fi: usage.municipality.name } }
      : { key: 'none', label: { fi: '' } },
};
const monthsOfYear = (year: number): Pick<CostTableLayout, 'columns' | 'columnsTotal'> => ({
  columns: { kind: 'month', keys: monthsOf(year), of: (usage: PricedUsage) => usage.usedOn.slice(0, 7) },
  columnsTotal: `year:${year}`,
});

const yearsOf = (usage: readonly PricedUsage[]) =>
  [...new Set(usage.map((item) => Number(item.usedOn.slice(0, 4))))].sort((a, b) => a - b);

/**
 * Every cost table the manager's area shows, suppressed together: by service and year, by the
 * families' municipality and year (the outcome views' cost per outcome), and by service and by
 * provider for each month of each year with usage (and of `alsoYear`, which adds only empty tables
 * and so changes no other figure). A figure two tables share is hidden in both or neither, and the
 * tables of one year never give away what another's hide.
 */
export function publishCostTables(usage: readonly PricedUsage[], alsoYear?: number) {
  const years = yearsOf(usage);
  const monthlyYears = alsoYear === undefined || years.includes(alsoYear) ? years : [...years, alsoYear];
  const byYear: Pick<CostTableLayout, 'columns' | 'columnsTotal'> = {
    columns: { kind: 'year', keys: years.map(String), of: (item) => item.usedOn.slice(0, 4) },
    columnsTotal: 'all',
  };
  const [byServiceYear, byMunicipalityYear, ...monthly] = buildCostTables(usage, [
    { rows: byService, ...byYear },
    { rows: byMunicipality, ...byYear },
    ...monthlyYears.flatMap((each) => [
      { rows: byService, ...monthsOfYear(each) },
      { rows: byOrganisation, ...monthsOfYear(each) },
    ]),
  ]);
  const monthlyOf = (year: number) => {
    const at = monthlyYears.indexOf(year) * 2;
    return at < 0 ? null : { byService: monthly[at]!, byOrganisation: monthly[at + 1]! };
  };
  return { years, byServiceYear: byServiceYear!, byMunicipalityYear: byMunicipalityYear!, monthlyOf };
}

/** What the services cost: by service and month, by provider and month, by service and year, and per family. */
export async function readCosts(db: Queryable, year: number): Promise<InsightsCosts> {
  const usage = await listPricedUsageOfAllFamilies(db);
  const { years, byServiceYear, monthlyOf } = publishCostTables(usage, year);
  const { byService: byServiceMonth, byOrganisation: byOrganisationMonth } = monthlyOf(year)!;
  return {
    year,
    years,
    byServiceMonth: byServiceMonth.table,
    byOrganisationMonth: byOrganisationMonth.table,
    byServiceYear: byServiceYear.table,
    perFamily: costPerFamily(usage.filter((item) => item.usedOn.startsWith(`${year}-`))),
  };
}

/** The months a forecast is fitted to: the last three complete years' worth. */
const FORECAST_WINDOW_MONTHS = 36;

/**
 * Next year's cost of each service and of all, each from a line fitted to its monthly costs as the
 * monthly tables publish them over the last 36 complete months: hidden months are left out, and so
 * are the months before a service's first shown cost. Built only from shown figures, a forecast
 * cannot give away a hidden one.
 */
export function buildForecast(usage: readonly PricedUsage[], thisMonth: string): InsightsForecast {
  const { monthlyOf } = publishCostTables(usage);
  const window = monthsBefore(thisMonth, FORECAST_WINDOW_MONTHS);
  const tableOf = (month: string) => monthlyOf(Number(month.slice(0, 4)))?.byService;
  const columnOf = (month: string) => Number(month.slice(5, 7)) - 1;
  const emptyCell: CostCell = { suppressed: false, costCents: 0, families: 0 };

  const labels = new Map<string, LocalizedText>();
  for (const month of window) {
    const keyed = tableOf(month);
    keyed?.rowKeys.forEach((key, row) => labels.set(key, keyed.table.rows[row]!.label));
  }
  const forecastOf = (cellAt: (month: string) => CostCell) => {
    const shown = window.flatMap((month) => {
      const cell = cellAt(month);
      return cell.suppressed ? [] : [{ month, costCents: cell.costCents }];
    });
    const first = shown.findIndex((point) => point.costCents > 0);
    return forecastYear(first < 0 ? [] : shown.slice(first), Number(thisMonth.slice(0, 4)) + 1);
  };
  // Each month's table's rows by key, found once: thousands of services would otherwise search thousands of rows each.
  const rowIndexes = new Map<string, Map<string, number>>();
  const rowOf = (month: string, key: string) => {
    const year = month.slice(0, 4);
    let indexes = rowIndexes.get(year);
    if (!indexes) rowIndexes.set(year, (indexes = new Map(tableOf(month)?.rowKeys.map((rowKey, index) => [rowKey, index]))));
    return indexes.get(key) ?? -1;
  };
  const serviceCell = (key: string) => (month: string) => {
    const keyed = tableOf(month);
    const row = keyed ? rowOf(month, key) : -1;
    return row < 0 ? emptyCell : keyed!.table.rows[row]!.cells[columnOf(month)]!;
  };
  return {
    year: Number(thisMonth.slice(0, 4)) + 1,
    fittedFrom: window[0]!,
    fittedTo: window.at(-1)!,
    confidence: FORECAST_CONFIDENCE,
    total: forecastOf((month) => tableOf(month)?.table.columnTotals[columnOf(month)] ?? emptyCell),
    services: [...labels]
      .sort(([, a], [, b]) => a.fi.localeCompare(b.fi, 'fi'))
      .map(([key, label]) => ({ label, forecast: forecastOf(serviceCell(key)) })),
  };
}

export const readForecast = async (db: Queryable, thisMonth: string) =>
  buildForecast(await listPricedUsageOfAllFamilies(db), thisMonth);

/**
 * The same cost figures before and after: two calendar years, taken from the published table by
 * service and year (so nothing it hides shows here), or a cohort's first case year against its
 * second. Only the years and cohorts listed in the answer can be asked for.
 */
export async function readChange(db: Queryable, request: InsightsChangeRequest, today: string): Promise<InsightsChange> {
  const usage = await listPricedUsageOfAllFamilies(db);
  const years = yearsOf(usage);
  const openings = await listCaseOpeningsOfAllFamilies(db);
  const cohorts = completeCohorts(openings, today.slice(0, 7));
  const asked = request ?? defaultComparison(years, Number(today.slice(0, 4)));
  if (asked === null) return { years, cohorts, comparison: null };
  if (asked.mode === 'years') {
    for (const field of ['before', 'after'] as const)
      if (!years.includes(asked[field]))
        throw invalidChoice(field, `Only years with recorded usage can be compared: ${years.join(', ') || 'none yet'}.`);
    // The table by year is the one `/insights/costs` publishes, whichever year's months it shows.
    const { byServiceYear } = publishCostTables(usage);
    return { years, cohorts, comparison: compareYears(byServiceYear.table, asked.before, asked.after) };
  }
  if (!cohorts.includes(asked.opened))
    throw invalidChoice(
      'opened',
      `Only a year whose every family has had two case years can be compared: ${cohorts.join(', ') || 'none yet'}.`,
    );
  return { years, cohorts, comparison: compareCaseYears(usage, openings, asked.opened) };
}

/** The last two whole years with usage, else the last two years with any; none when there are not two. */
function defaultComparison(years: readonly number[], thisYear: number): InsightsChangeRequest {
  const whole = years.filter((year) => year < thisYear);
  const [before, after] = (whole.length >= 2 ? whole : years).slice(-2);
  return before === undefined || after === undefined ? null : { mode: 'years', before, after };
}

const invalidChoice = (field: string, message: string) =>
  new AppError('validation_failed', message, { errors: [{ path: `query.${field}`, message }] });
