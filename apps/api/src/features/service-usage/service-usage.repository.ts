import type { LocalizedText, Month, UsagePeriod, UsageService } from '@yhdessa/shared';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Queryable } from '../../db/database';
import { municipalityToday } from '../../core/clock';
import { serviceUsage } from '../../db/tables/service-usage';
import type { MonthlyUsage, RoleSpan } from './family-costs';
import type { UsageWindow } from './usage-dates';

/**
 * The unit price of a usage entry (`alias` names the service_usage row in the query): the price
 * period valid on the entry's day, a month's on its first day. The one pricing rule for the
 * family's costs and the manager's figures; every service has a period from FIRST_PRICE_VALID_FROM.
 */
export const unitCostOfUsage = (alias: string) => {
  const usage = sql.raw(alias);
  return sql`coalesce((select sp.unit_cost_cents from service_prices sp
    where sp.service_id = ${usage}.service_id and sp.valid_from <= ${usage}.used_on
    order by sp.valid_from desc limit 1), 0)`;
};

/** Whose entries a read covers: all of the family's, or those of some service roles. */
export type UsageScope = 'any' | readonly string[];

const inScope = (scope: UsageScope, column: SQL): SQL =>
  scope === 'any' ? sql`true` : scope.length > 0 ? sql`${column} in ${[...scope]}` : sql`false`;

/**
 * An entry's price is the period valid on its date (a month's: on its first day), so a later price
 * change never reprices it; its cost is units × price, rounded to whole cents.
 */
const pricedUsage = sql`
  select su.id, su.family_id as "familyId", su.service_role_id as "serviceRoleId", su.service_id as "serviceId",
    s.name as "serviceName", s.unit as "serviceUnit", su.period, to_char(su.used_on, 'YYYY-MM-DD') as "usedOn",
    su.units::float8 as units, su.note, su.source, su.recorded_by as "recordedById", a.name as "recordedByName",
    su.version, su.created_at as "createdAt", su.updated_at as "updatedAt",
    ${unitCostOfUsage('su')} as "unitCostCents",
    round(su.units * ${unitCostOfUsage('su')})::float8 as "costCents"
  from service_usage su
  join services s on s.id = su.service_id
  join accounts a on a.id = su.recorded_by`;

export interface UsageRow {
  id: string;
  familyId: string;
  serviceRoleId: string;
  serviceId: string;
  serviceName: LocalizedText;
  serviceUnit: string;
  period: UsagePeriod;
  usedOn: string;
  units: number;
  note: string;
  source: 'form' | 'csv';
  recordedById: string;
  recordedByName: string;
  version: number;
  createdAt: string | Date;
  updatedAt: string | Date;
  unitCostCents: number;
  costCents: number;
}

export async function findUsage(familyId: string, usageId: string, db: Queryable): Promise<UsageRow | null> {
  const [row] = await queryRows<UsageRow>(db, sql`${pricedUsage} where su.family_id = ${familyId} and su.id = ${usageId}`);
  return row ?? null;
}

/** Newest first. */
export async function listUsage(familyId: string, scope: UsageScope, db: Queryable): Promise<UsageRow[]> {
  return queryRows<UsageRow>(
    db,
    sql`${pricedUsage} where su.family_id = ${familyId} and ${inScope(scope, sql`su.service_role_id`)}
      order by su.used_on desc, su.created_at desc, su.id`,
  );
}

export async function insertUsage(
  familyId: string,
  values: {
    serviceRoleId: string;
    serviceId: string;
    period: UsagePeriod;
    usedOn: string;
    units: number;
    note: string;
    source: 'form' | 'csv';
    recordedBy: string;
  },
  db: Queryable,
): Promise<UsageRow> {
  const [row] = await db
    .insert(serviceUsage)
    .values({ familyId, ...values })
    .returning({ id: serviceUsage.id });
  return (await findUsage(familyId, row!.id, db))!;
}

/** Corrects the entry only if it is still at `basedOnVersion`; null when someone else got there first. */
export async function correctUsageAt(
  familyId: string,
  usageId: string,
  change: { units?: number; note?: string; updatedBy: string; basedOnVersion: number },
  db: Queryable,
): Promise<UsageRow | null> {
  const { basedOnVersion, ...fields } = change;
  const [row] = await db
    .update(serviceUsage)
    .set({ ...fields, version: sql`${serviceUsage.version} + 1`, updatedAt: new Date() })
    .where(and(eq(serviceUsage.familyId, familyId), eq(serviceUsage.id, usageId), eq(serviceUsage.version, basedOnVersion)))
    .returning({ id: serviceUsage.id });
  return row ? findUsage(familyId, row.id, db) : null;
}

export interface UsageRole extends UsageWindow {
  id: string;
  serviceId: string;
}

/**
 * A service role with what decides which usage it takes: its status and dates, the day the case
 * opened and today. With `lock`, the role's row is locked until commit, so two requests cannot
 * both find a month free and record it twice.
 */
export async function findUsageRole(
  familyId: string,
  serviceRoleId: string,
  db: Queryable,
  options: { lock?: boolean } = {},
): Promise<UsageRole | null> {
  const [row] = await queryRows<UsageRole>(
    db,
    sql`select sr.id, sr.service_id as "serviceId", sr.status as "roleStatus",
        to_char(sr.starts_on, 'YYYY-MM-DD') as "startsOn", to_char(sr.ends_on, 'YYYY-MM-DD') as "endsOn",
        to_char((f.created_at at time zone 'Europe/Helsinki')::date, 'YYYY-MM-DD') as "openedOn",
        to_char(${municipalityToday}, 'YYYY-MM-DD') as today
      from service_roles sr join families f on f.id = sr.family_id
      where sr.family_id = ${familyId} and sr.id = ${serviceRoleId}
      ${options.lock ? sql`for update of sr` : sql``}`,
  );
  return row ?? null;
}

/** The entries of a role from `first` through `last`: what a new day or month would count twice. */
export async function findRecordedBetween(serviceRoleId: string, first: string, last: string, db: Queryable) {
  return queryRows<{ period: UsagePeriod; usedOn: string }>(
    db,
    sql`select period, to_char(used_on, 'YYYY-MM-DD') as "usedOn" from service_usage
      where service_role_id = ${serviceRoleId} and used_on between ${first} and ${last}`,
  );
}

/** The case's first day and today in the municipality, and whether it is closed. */
export async function findCaseSpan(familyId: string, db: Queryable) {
  const [row] = await queryRows<{ openedOn: string; today: string; closed: boolean }>(
    db,
    sql`select to_char((f.created_at at time zone 'Europe/Helsinki')::date, 'YYYY-MM-DD') as "openedOn",
        to_char(${municipalityToday}, 'YYYY-MM-DD') as today, f.status = 'closed' as closed
      from families f where f.id = ${familyId}`,
  );
  return row!;
}

/** Priced usage summed per month and service (each entry rounded to cents before summing). */
export async function sumUsageByMonth(familyId: string, scope: UsageScope, db: Queryable): Promise<MonthlyUsage[]> {
  return queryRows<MonthlyUsage>(
    db,
    sql`select to_char(u."usedOn"::date, 'YYYY-MM') as month, u."serviceId",
        sum(u.units::numeric)::float8 as units, sum(u."costCents")::float8 as "costCents"
      from (${pricedUsage} where su.family_id = ${familyId} and ${inScope(scope, sql`su.service_role_id`)}) u
      group by 1, 2 order by 1, 2`,
  );
}

/** The services with usage in the scope, by their Finnish name: the columns of the cost table. */
export async function listUsedServices(familyId: string, scope: UsageScope, db: Queryable): Promise<UsageService[]> {
  return queryRows<UsageService>(
    db,
    sql`select s.id, s.name, s.unit from services s
      where s.id in (
        select su.service_id from service_usage su
        where su.family_id = ${familyId} and ${inScope(scope, sql`su.service_role_id`)}
      )
      order by s.name->>'fi', s.id`,
  );
}

/** When each accepted role ran: from its start, or else the day it was accepted, through its end. */
export async function listRoleSpans(familyId: string, scope: UsageScope, db: Queryable): Promise<RoleSpan[]> {
  return queryRows<RoleSpan>(
    db,
    sql`select sr.service_id as "serviceId",
        to_char(coalesce(sr.starts_on, (coalesce(sr.responded_at, sr.created_at) at time zone 'Europe/Helsinki')::date), 'YYYY-MM-DD') as "from",
        to_char(sr.ends_on, 'YYYY-MM-DD') as "to"
      from service_roles sr
      where sr.family_id = ${familyId} and sr.status in ('accepted', 'ended') and ${inScope(scope, sql`sr.id`)}`,
  );
}

/** The services received, in units per month, leaving out months corrected to nothing. */
export async function summariseUsage(familyId: string, db: Queryable) {
  return queryRows<{ serviceId: string; serviceName: LocalizedText; serviceUnit: string; month: Month; units: number }>(
    db,
    sql`select su.service_id as "serviceId", s.name as "serviceName", s.unit as "serviceUnit",
        to_char(su.used_on, 'YYYY-MM') as month, sum(su.units)::float8 as units
      from service_usage su join services s on s.id = su.service_id
      where su.family_id = ${familyId}
      group by 1, 2, 3, 4 having sum(su.units) > 0
      order by s.name->>'fi', 1, 4`,
  );
}

/** The services the worker belongs to. */
export async function listServicesOfWorker(accountId: string, db: Queryable): Promise<Set<string>> {
  const rows = await queryRows<{ serviceId: string }>(
    db,
    sql`select service_id as "serviceId" from service_memberships where account_id = ${accountId}`,
  );
  return new Set(rows.map((row) => row.serviceId));
}

/** The service's accepted role among the given ones (the worker's active roles in the family), if any. */
export async function findRoleIdOfService(serviceId: string, serviceRoleIds: readonly string[], db: Queryable) {
  if (serviceRoleIds.length === 0) return null;
  const [row] = await queryRows<{ id: string }>(
    db,
    sql`select id from service_roles where service_id = ${serviceId} and id in ${[...serviceRoleIds]} limit 1`,
  );
  return row?.id ?? null;
}
