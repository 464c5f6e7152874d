import type { ReferenceCost, ReferenceCostKind, ReferenceCostList } from '@yhdessa/shared';
import { asc, sql } from 'drizzle-orm';
import { queryRows, type Queryable } from '../../db/database';
import { municipalityToday } from '../../core/clock';
import { referenceCosts } from '../../db/tables/reference-costs';

/** Each kind's yearly cost valid today in the municipality. */
export async function findCurrentReferenceCosts(db: Queryable): Promise<ReferenceCost[]> {
  return queryRows<ReferenceCost>(
    db,
    sql`select distinct on (kind) kind, yearly_cost_cents as "yearlyCostCents", to_char(valid_from, 'YYYY-MM-DD') as "validFrom"
      from reference_costs where valid_from <= ${municipalityToday}
      order by kind, valid_from desc`,
  );
}

/** Each kind's cost valid today, with every period it has had and will have, oldest first. */
export async function listReferenceCosts(db: Queryable): Promise<ReferenceCostList['referenceCosts']> {
  const periods = await db
    .select({ kind: referenceCosts.kind, validFrom: referenceCosts.validFrom, yearlyCostCents: referenceCosts.yearlyCostCents })
    .from(referenceCosts)
    .orderBy(asc(referenceCosts.kind), asc(referenceCosts.validFrom));
  return (await findCurrentReferenceCosts(db)).map((current) => ({
    ...current,
    periods: periods
      .filter((period) => period.kind === current.kind)
      .map(({ validFrom, yearlyCostCents }) => ({ validFrom, yearlyCostCents })),
  }));
}

/**
 * Starts a period of a kind's yearly cost from `validFrom` (today when not given); a second
 * change with the same start replaces its figure. Returns the start and the figure it replaces.
 */
export async function startReferenceCostPeriod(
  kind: ReferenceCostKind,
  period: { yearlyCostCents: number; validFrom?: string },
  setBy: string,
  db: Queryable,
): Promise<{ validFrom: string; previousYearlyCostCents: number | null }> {
  const validFrom = period.validFrom ?? sql<string>`${municipalityToday}`;
  const [previous] = await queryRows<{ yearlyCostCents: number }>(
    db,
    sql`select yearly_cost_cents as "yearlyCostCents" from reference_costs
      where kind = ${kind} and valid_from <= ${validFrom} order by valid_from desc limit 1`,
  );
  const [row] = await db
    .insert(referenceCosts)
    .values({ kind, validFrom, yearlyCostCents: period.yearlyCostCents, setBy })
    .onConflictDoUpdate({
      target: [referenceCosts.kind, referenceCosts.validFrom],
      set: { yearlyCostCents: period.yearlyCostCents, setBy },
    })
    .returning({ validFrom: referenceCosts.validFrom });
  return { validFrom: row!.validFrom, previousYearlyCostCents: previous?.yearlyCostCents ?? null };
}
