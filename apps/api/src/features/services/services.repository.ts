import type { CatalogueService, CreateService, UpdateService } from '@yhdessa/shared';
import { asc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/database';
import { organisations } from '../../db/tables/organisations';
import { services } from '../../db/tables/services';

/** The catalogue is reference data, not case data: anyone working with families may read it. */
export async function listCatalogue(db: Queryable, serviceId?: string): Promise<CatalogueService[]> {
  const rows = await db
    .select({ service: services, organisationName: organisations.name })
    .from(services)
    .innerJoin(organisations, eq(organisations.id, services.organisationId))
    .where(serviceId ? eq(services.id, serviceId) : undefined)
    .orderBy(asc(services.category), sql`${services.name}->>'fi'`, asc(services.id));
  return rows.map(({ service, organisationName }) => ({
    id: service.id,
    name: service.name,
    category: service.category,
    organisation: { id: service.organisationId, name: organisationName },
    unit: service.unit,
    unitCostCents: service.unitCostCents,
    description: service.description,
    contact: service.contact,
  }));
}

export async function organisationExists(organisationId: string, db: Queryable): Promise<boolean> {
  const [row] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, organisationId));
  return row !== undefined;
}

export async function insertService(service: CreateService, db: Queryable) {
  const [row] = await db.insert(services).values(service).returning({ id: services.id });
  return row!.id;
}

/** False when there is no such service. */
export async function updateService(serviceId: string, change: UpdateService, db: Queryable): Promise<boolean> {
  if (Object.keys(change).length === 0) {
    const [row] = await db.select({ id: services.id }).from(services).where(eq(services.id, serviceId));
    return row !== undefined;
  }
  const rows = await db.update(services).set(change).where(eq(services.id, serviceId)).returning({ id: services.id });
  return rows.length > 0;
}
