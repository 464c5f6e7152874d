import {
  DEFAULT_PAGE_SIZE,
  type CaseloadPage,
  type CaseloadPageQuery,
  type Distribution,
  type InsightsCaseloads,
} from '@yhdessa/shared';
import { z } from 'zod';
import type { Queryable } from '../../db/database';
import { pageOfKeptList } from '../../http/cursor';
import { buildDistribution } from './cost-figures';
import { countOpenFamiliesPerCoordinator, countServicesOfOpenFamilies } from './insights.repository';

/** Six services at once is typical for a family in child welfare: the last bucket gathers six or more. */
const SERVICE_BUCKETS = ['0', '1', '2', '3', '4', '5', '6+'];

/** The caseload figures as kept per API instance: both distributions whole, every coordinator's bucket in it. */
export interface CaseloadFigures {
  servicesPerFamily: Distribution;
  /** A bucket per coordinator, the largest first, labelled by rank from 1; suppressed as one line with the total. */
  caseloads: Distribution;
}

/** How many services open families have, and how many open families each coordinator has. */
export async function computeCaseloads(db: Queryable): Promise<CaseloadFigures> {
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

const COORDINATOR_ORDER = 'caseloads:coordinators';
/**
 * A coordinator's bucket is keyed by its rank, which the answer already shows: an account id in a
 * cursor would let a manager tell which coordinator carries which caseload.
 */
const rankSchema = z.string().regex(/^[1-9][0-9]{0,8}$/);

/**
 * A page of the coordinators' buckets, after the cursor's rank in the distribution as it is now: a
 * slice of the whole, with its hidden figures hidden. A rank past the last coordinator answers 400.
 */
export function pageOfCaseloads(figures: CaseloadFigures, query: CaseloadPageQuery): CaseloadPage {
  const { buckets, total } = figures.caseloads;
  const { items, nextCursor, count } = pageOfKeptList(
    {
      items: buckets,
      order: COORDINATOR_ORDER,
      keySchema: rankSchema,
      keyOf: (bucket) => bucket.label,
      placeOf: (rank) => (Number(rank) <= buckets.length ? Number(rank) - 1 : undefined),
    },
    query,
  );
  return { buckets: items, total, nextCursor, count };
}

/** The answer of `/insights/caseloads`: services per family whole, and the first page of the coordinators. */
export function presentCaseloads(figures: CaseloadFigures): InsightsCaseloads {
  return {
    servicesPerFamily: figures.servicesPerFamily,
    caseloads: pageOfCaseloads(figures, { limit: DEFAULT_PAGE_SIZE }),
  };
}
