import { asc, inArray, sql } from 'drizzle-orm';
import { queryRows, type Queryable } from '../../db/database';
import { historicalCostImports, historicalServiceCosts } from '../../db/tables/historical-costs';
import type { HistoricalCostLine } from './historical-costs-csv';

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
