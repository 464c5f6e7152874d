import type { InsightsCaseloads, InsightsCosts } from '@yhdessa/shared';
import type { Queryable } from '../../db/database';
import { buildCostTable, buildDistribution, costPerFamily, type PricedUsage } from './cost-figures';
import {
  countOpenFamiliesPerCoordinator,
  countServicesOfOpenFamilies,
  listPricedUsageOfAllFamilies,
} from './insights.repository';

const monthsOf = (year: number) => Array.from({ length: 12 }, (_, index) => `${year}-${String(index + 1).padStart(2, '0')}`);
const byService = (usage: PricedUsage) => ({ key: usage.service.id, label: usage.service.name });
const byOrganisation = (usage: PricedUsage) => ({ key: usage.organisation.id, label: { fi: usage.organisation.name } });

/** What the services cost: by service and month, by provider and month, by service and year, and per family. */
export async function readCosts(db: Queryable, year: number): Promise<InsightsCosts> {
  const usage = await listPricedUsageOfAllFamilies(db);
  const years = [...new Set(usage.map((item) => Number(item.usedOn.slice(0, 4))))].sort((a, b) => a - b);
  const inYear = usage.filter((item) => item.usedOn.startsWith(`${year}-`));
  const month = (item: PricedUsage) => item.usedOn.slice(0, 7);
  return {
    year,
    years,
    byServiceMonth: buildCostTable(inYear, monthsOf(year), month, byService),
    byOrganisationMonth: buildCostTable(inYear, monthsOf(year), month, byOrganisation),
    byServiceYear: buildCostTable(usage, years.map(String), (item) => item.usedOn.slice(0, 4), byService),
    perFamily: costPerFamily(inYear),
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
