import type { InsightsCaseloads, InsightsCosts } from '@yhdessa/shared';
import type { Queryable } from '../../db/database';
import { buildCostTables, buildDistribution, costPerFamily, type CostTableLayout, type PricedUsage } from './cost-figures';
import {
  countOpenFamiliesPerCoordinator,
  countServicesOfOpenFamilies,
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
  const usage = await listPricedUsageOfAllFamilies(db);
  const years = [...new Set(usage.map((item) => Number(item.usedOn.slice(0, 4))))].sort((a, b) => a - b);
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
