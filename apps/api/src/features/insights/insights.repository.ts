import type { LocalizedText, UsagePeriod } from '@yhdessa/shared';
import { asc, inArray, sql } from 'drizzle-orm';
import { queryRows, type Queryable } from '../../db/database';
import { historicalCostImports, historicalServiceCosts } from '../../db/tables/historical-costs';
import { unitCostOfUsage } from '../service-usage';
import type { CaseOpening } from './change-figures';
import type { PricedUsage } from './cost-figures';
import type { HistoricalCostLine } from './historical-costs-csv';

/**
 * A cross-family read, on purpose: every usage row of every family, each priced by its service's
 * price period with the latest start on or before the day used, with the family's municipality (its
 * coordinator's organisation). Usage before a service's first period has no price and is left out. Only aggregates of these rows ever leave the feature.
 */
export async function listPricedUsageOfAllFamilies(db: Queryable): Promise<PricedUsage[]> {
  const rows = await queryRows<{
    family_id: string;
    service_id: string;
    service_name: LocalizedText;
    organisation_id: string;
    organisation_name: string;
    municipality_id: string | null;
    municipality_name: string | null;
    used_on: string;
    period: UsagePeriod;
    cost_cents: string;
  }>(
    db,
    sql`select u.family_id, u.service_id, s.name as service_name, o.id as organisation_id, o.name as organisation_name,
          m.id as municipality_id, m.name as municipality_name,
          to_char(u.used_on, 'YYYY-MM-DD') as used_on, u.period, round(u.units * ${unitCostOfUsage('u')})::bigint as cost_cents
        from service_usage u
        join services s on s.id = u.service_id
        join organisations o on o.id = s.organisation_id
        join families f on f.id = u.family_id
        left join accounts c on c.id = f.coordinator_id
        left join organisations m on m.id = c.organisation_id
        order by u.used_on, s.id`,
  );
  return rows.map((row) => ({
    familyId: row.family_id,
    service: { id: row.service_id, name: row.service_name },
    organisation: { id: row.organisation_id, name: row.organisation_name },
    municipality: row.municipality_id === null ? null : { id: row.municipality_id, name: row.municipality_name! },
    usedOn: row.used_on,
    period: row.period,
    costCents: Number(row.cost_cents),
  }));
}

/** A cross-family read, on purpose: the month each family's case opened, in Finland. */
export async function listCaseOpeningsOfAllFamilies(db: Queryable): Promise<CaseOpening[]> {
  const rows = await queryRows<{ family_id: string; opened_in: string }>(
    db,
    sql`select id as family_id, to_char(created_at at time zone 'Europe/Helsinki', 'YYYY-MM') as opened_in from families`,
  );
  return rows.map((row) => ({ familyId: row.family_id, openedIn: row.opened_in }));
}

/** A cross-family read, on purpose: for each open family, how many services have an accepted role in its plan. */
export async function countServicesOfOpenFamilies(db: Queryable): Promise<number[]> {
  const rows = await queryRows<{ services: number }>(
    db,
    sql`select count(distinct r.service_id)::int as services
        from families f left join service_roles r on r.family_id = f.id and r.status = 'accepted'
        where f.status <> 'closed' group by f.id`,
  );
  return rows.map((row) => row.services);
}

/** A cross-family read, on purpose: how many open families each coordinator has, largest first; nobody is named. */
export async function countOpenFamiliesPerCoordinator(db: Queryable): Promise<number[]> {
  const rows = await queryRows<{ families: number }>(
    db,
    sql`select count(*)::int as families from families where status <> 'closed'
        group by coordinator_id order by families desc`,
  );
  return rows.map((row) => row.families);
}

export async function insertHistoricalCostImport(
  db: Queryable,
  file: { source: string; importedBy: string; organisationId: string | null; lines: readonly HistoricalCostLine[] },
): Promise<{ id: string; importedAt: Date }> {
  const [created] = await db
    .insert(historicalCostImports)
    .values({
      source: file.source,
      importedBy: file.importedBy,
      organisationId: file.organisationId,
      rowCount: file.lines.length,
    })
    .returning({ id: historicalCostImports.id, importedAt: historicalCostImports.importedAt });
  await db.insert(historicalServiceCosts).values(file.lines.map((line) => ({ importId: created!.id, ...line })));
  return created!;
}

export interface StoredHistoricalCostImport {
  id: string;
  source: string;
  importedAt: Date;
  lines: HistoricalCostLine[];
}

/** Every imported file with its lines, oldest import first, lines by year and service. */
export async function listHistoricalCostImports(db: Queryable): Promise<StoredHistoricalCostImport[]> {
  const imports = await db
    .select({ id: historicalCostImports.id, source: historicalCostImports.source, importedAt: historicalCostImports.importedAt })
    .from(historicalCostImports)
    .orderBy(asc(historicalCostImports.importedAt), asc(historicalCostImports.id));
  if (imports.length === 0) return [];
  const lines = await db
    .select()
    .from(historicalServiceCosts)
    .where(
      inArray(
        historicalServiceCosts.importId,
        imports.map((row) => row.id),
      ),
    )
    .orderBy(asc(historicalServiceCosts.year), asc(historicalServiceCosts.serviceFi));
  return imports.map((row) => ({
    ...row,
    lines: lines
      .filter((line) => line.importId === row.id)
      .map(({ year, serviceFi, serviceEn, clients, totalCostCents, reportedCostPerClientCents }) => ({
        year,
        serviceFi,
        serviceEn,
        clients,
        totalCostCents,
        reportedCostPerClientCents,
      })),
  }));
}
