import type { CatalogueService, CreateService, UpdateService } from '@yhdessa/shared';
import { and, asc, eq, sql } from 'drizzle-orm';
import { queryRows, type Queryable } from '../../db/database';
import { municipalityToday } from '../../core/clock';
import { organisations } from '../../db/tables/organisations';
import { servicePrices } from '../../db/tables/service-prices';
import { services } from '../../db/tables/services';

/** The first price period of a service starts here, so usage on any date has a price. */
export const FIRST_PRICE_VALID_FROM = '2000-01-01';

/** The catalogue is reference data, not case data: anyone working with families may read it. */
export async function listCatalogue(db: Queryable, serviceId?: string): Promise<CatalogueService[]> {
  const rows = await db
    .select({ service: services, organisationName: organisations.name })
    .from(services)
    .innerJoin(organisations, eq(organisations.id, services.organisationId))
    .where(serviceId ? eq(services.id, serviceId) : undefined)
    .orderBy(asc(services.category), sql`${services.name}->>'fi'`, asc(services.id));
  const prices = await listPricePeriods(db, serviceId);
  return rows.map(({ service, organisationName }) => {
    const periods = prices.get(service.id) ?? [];
    return {
      id: service.id,
      name: service.name,
      category: service.category,
      organisation: { id: service.organisationId, name: organisationName },
      unit: service.unit,
      unitCostCents: periods.filter((period) => period.current).at(-1)?.unitCostCents ?? 0,
      prices: periods.map(({ validFrom, unitCostCents }) => ({ validFrom, unitCostCents })),
      description: service.description,
      contact: service.contact,
      retiredAt: service.retiredAt?.toISOString() ?? null,
    };
  });
}

/** Each service's price periods, oldest first, marking those already begun in the municipality today. */
async function listPricePeriods(db: Queryable, serviceId?: string) {
  const rows = await db
    .select({
      serviceId: servicePrices.serviceId,
      validFrom: servicePrices.validFrom,
      unitCostCents: servicePrices.unitCostCents,
      current: sql<boolean>`${servicePrices.validFrom} <= ${municipalityToday}`,
    })
    .from(servicePrices)
    .where(serviceId ? eq(servicePrices.serviceId, serviceId) : undefined)
    .orderBy(asc(servicePrices.serviceId), asc(servicePrices.validFrom));
  const byService = new Map<string, typeof rows>();
  for (const row of rows) byService.set(row.serviceId, [...(byService.get(row.serviceId) ?? []), row]);
  return byService;
}

export async function organisationExists(organisationId: string, db: Queryable): Promise<boolean> {
  const [row] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, organisationId));
  return row !== undefined;
}

export async function insertService({ unitCostCents, ...service }: CreateService, setBy: string, db: Queryable) {
  const [row] = await db.insert(services).values(service).returning({ id: services.id });
  await db.insert(servicePrices).values({ serviceId: row!.id, validFrom: FIRST_PRICE_VALID_FROM, unitCostCents, setBy });
  return row!.id;
}

/** False when there is no such service. */
export async function updateService(
  serviceId: string,
  change: Omit<UpdateService, 'unitCostCents' | 'priceValidFrom'>,
  db: Queryable,
): Promise<boolean> {
  if (Object.keys(change).length === 0) {
    const [row] = await db.select({ id: services.id }).from(services).where(eq(services.id, serviceId));
    return row !== undefined;
  }
  const rows = await db.update(services).set(change).where(eq(services.id, serviceId)).returning({ id: services.id });
  return rows.length > 0;
}

/**
 * Retires a service (`retired`) or takes it back into use; false when there is no such service.
 * Retiring again keeps the first time.
 */
export async function setServiceRetired(serviceId: string, retired: boolean, db: Queryable): Promise<boolean> {
  const rows = await db
    .update(services)
    .set({ retiredAt: retired ? sql`coalesce(${services.retiredAt}, now())` : null })
    .where(eq(services.id, serviceId))
    .returning({ id: services.id });
  return rows.length > 0;
}

/** Whether a date is before today in the municipality. */
export async function isBeforeToday(date: string, db: Queryable): Promise<boolean> {
  const [row] = await queryRows<{ past: boolean }>(db, sql`select ${date}::date < ${municipalityToday} as past`);
  return row!.past;
}

/**
 * Starts a price period from `validFrom` (today when not given) and returns its start, or null
 * when the price is the one valid then already. A second
 * change with the same start date replaces that period's price: the price is fixed again on or
 * before its first day, never after.
 */
export async function startPricePeriod(
  serviceId: string,
  period: { unitCostCents: number; validFrom?: string },
  setBy: string,
  db: Queryable,
): Promise<{ validFrom: string; previousUnitCostCents: number | null } | null> {
  const validFrom = period.validFrom ?? sql<string>`${municipalityToday}`;
  const [previous] = await db
    .select({ unitCostCents: servicePrices.unitCostCents })
    .from(servicePrices)
    .where(and(eq(servicePrices.serviceId, serviceId), sql`${servicePrices.validFrom} <= ${validFrom}`))
    .orderBy(sql`${servicePrices.validFrom} desc`)
    .limit(1);
  // The form sends the price with every change: the same price starts no period.
  if (previous?.unitCostCents === period.unitCostCents) return null;
  const [row] = await db
    .insert(servicePrices)
    .values({ serviceId, validFrom, unitCostCents: period.unitCostCents, setBy })
    .onConflictDoUpdate({
      target: [servicePrices.serviceId, servicePrices.validFrom],
      set: { unitCostCents: period.unitCostCents, setBy },
    })
    .returning({ validFrom: servicePrices.validFrom });
  return { validFrom: row!.validFrom, previousUnitCostCents: previous?.unitCostCents ?? null };
}
