import type { InsightsCaseloads, InsightsChange, InsightsChangeRequest, InsightsCosts } from '@yhdessa/shared';
import { AppError } from '../../core/app-error';
import type { Queryable } from '../../db/database';
import { compareCaseYears, compareYears, completeCohorts } from './change-figures';
import { buildCostTables, buildDistribution, costPerFamily, type CostTableLayout, type PricedUsage } from './cost-figures';
import {
  countOpenFamiliesPerCoordinator,
  countServicesOfOpenFamilies,
  listCaseOpeningsOfAllFamilies,
  listPricedUsageOfAllFamilies,
} from './insights.repository';

const monthsOf = (year: number) => Array.from({ length: 12 }, (_, index) => `${year}-${String(index + 1).padStart(2, '0')}`);
const byService: CostTableLayout['rows'] = {
  kind: 'service',
  of: (usage) => ({ key: usage.service.id, label: usage.service.name }),
};
const byOrganisation: CostTableLayout['rows'] = {
  kind: 'organisation',
  of: (usage) => ({ key: usage.organisation.id, label: { fi: usage.organisation.name } }),
};
const monthsOfYear = (year: number): Pick<CostTableLayout, 'columns' | 'columnsTotal'> => ({
  columns: { kind: 'month', keys: monthsOf(year), of: (usage: PricedUsage) => usage.usedOn.slice(0, 7) },
  columnsTotal: `year:${year}`,
});

/**
 * What the services cost: by service and month, by provider and month, by service and year, and
 * per family. The monthly tables of every year are suppressed together with the yearly one, so the
 * tables of one year never give away what those of another year or the yearly table hide.
 */
export async function readCosts(db: Queryable, year: number): Promise<InsightsCosts> {
  return costsOf(await listPricedUsageOfAllFamilies(db), year);
}

const yearsOf = (usage: readonly PricedUsage[]) =>
  [...new Set(usage.map((item) => Number(item.usedOn.slice(0, 4))))].sort((a, b) => a - b);

function costsOf(usage: readonly PricedUsage[], year: number): InsightsCosts {
  const years = yearsOf(usage);
  const monthlyYears = years.includes(year) ? years : [...years, year];
  const [byServiceYear, ...monthly] = buildCostTables(usage, [
    {
      rows: byService,
      columns: { kind: 'year', keys: years.map(String), of: (item) => item.usedOn.slice(0, 4) },
      columnsTotal: 'all',
    },
    ...monthlyYears.flatMap((each) => [
      { rows: byService, ...monthsOfYear(each) },
      { rows: byOrganisation, ...monthsOfYear(each) },
    ]),
  ]);
  const at = monthlyYears.indexOf(year) * 2;
  return {
    year,
    years,
    byServiceMonth: monthly[at]!,
    byOrganisationMonth: monthly[at + 1]!,
    byServiceYear: byServiceYear!,
    perFamily: costPerFamily(usage.filter((item) => item.usedOn.startsWith(`${year}-`))),
  };
}

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
    // The table by year is the same whichever year's months come with it.
    const { byServiceYear } = costsOf(usage, asked.after);
    return { years, cohorts, comparison: compareYears(byServiceYear, asked.before, asked.after) };
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

/** Six services at once is typical for a family in child welfare: the last bucket gathers six or more. */
const SERVICE_BUCKETS = ['0', '1', '2', '3', '4', '5', '6+'];

/** How many services open families have, and how many open families each coordinator has. */
export async function readCaseloads(db: Queryable): Promise<InsightsCaseloads> {
  const servicesPerFamily = await countServicesOfOpenFamilies(db);
  const caseloads = await countOpenFamiliesPerCoordinator(db);
  return {
    servicesPerFamily: buildDistribution(
      SERVICE_BUCKETS.map((label, bucket) => ({
        label,
        families: servicesPerFamily.filter((count) => Math.min(count, SERVICE_BUCKETS.length - 1) === bucket).length,
      })),
    ),
    caseloads: buildDistribution(caseloads.map((families, rank) => ({ label: String(rank + 1), families }))),
  };
}
