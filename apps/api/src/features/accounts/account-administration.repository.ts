import type { ProfessionalRole } from '@yhdessa/shared';
import { and, eq, inArray, ne, or, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/database';
import { accounts, serviceMemberships } from '../../db/tables/accounts';
import { families } from '../../db/tables/families';
import { serviceRoles } from '../../db/tables/service-roles';
import { services } from '../../db/tables/services';

/** False when there is no such account. */
export async function enableAccount(db: Queryable, accountId: string): Promise<boolean> {
  const rows = await db
    .update(accounts)
    .set({ disabledAt: null })
    .where(eq(accounts.id, accountId))
    .returning({ id: accounts.id });
  return rows.length > 0;
}

/**
 * Administrators other than the one given who can sign in now: enabled, with a password set.
 * Every administrator's row is locked until the transaction ends, so of two administrators who
 * disable or demote each other at the same moment, the second sees the first one's change.
 */
export async function countOtherWorkingAdministrators(db: Queryable, accountId: string): Promise<number> {
  const administrators = await db
    .select({ id: accounts.id, disabledAt: accounts.disabledAt, passwordHash: accounts.passwordHash })
    .from(accounts)
    .where(eq(accounts.role, 'admin'))
    .for('update');
  return administrators.filter((admin) => admin.id !== accountId && !admin.disabledAt && admin.passwordHash).length;
}

/**
 * Cases the coordinator owns or is about to receive by a handover, across families: counted
 * only, so the administrator learns how many and nothing of whose.
 */
export async function countOpenCasesAcrossFamiliesOf(db: Queryable, coordinatorId: string): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(families)
    .where(
      and(ne(families.status, 'closed'), or(eq(families.coordinatorId, coordinatorId), eq(families.handoverToId, coordinatorId))),
    );
  return row?.count ?? 0;
}

/**
 * Service roles in open cases, across families, that name the worker responsible and belong to
 * one of the given services: counted only, like the cases above.
 */
export async function countOpenServiceRolesAcrossFamiliesOf(
  db: Queryable,
  workerId: string,
  serviceIds: readonly string[],
): Promise<number> {
  if (serviceIds.length === 0) return 0;
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(serviceRoles)
    .innerJoin(families, eq(families.id, serviceRoles.familyId))
    .where(
      and(
        eq(serviceRoles.responsibleAccountId, workerId),
        inArray(serviceRoles.serviceId, [...serviceIds]),
        inArray(serviceRoles.status, ['invited', 'accepted']),
        ne(families.status, 'closed'),
      ),
    );
  return row?.count ?? 0;
}

/** The services given, with their provider and whether they are retired. */
export async function findServicesForMembership(db: Queryable, serviceIds: readonly string[]) {
  if (serviceIds.length === 0) return [];
  return db
    .select({ id: services.id, organisationId: services.organisationId, name: services.name, retiredAt: services.retiredAt })
    .from(services)
    .where(inArray(services.id, [...serviceIds]));
}

export async function listServiceIdsOf(db: Queryable, accountId: string): Promise<string[]> {
  const rows = await db
    .select({ serviceId: serviceMemberships.serviceId })
    .from(serviceMemberships)
    .where(eq(serviceMemberships.accountId, accountId));
  return rows.map((row) => row.serviceId);
}

/** Gives the account its role and exactly these services. */
export async function setRoleAndServices(
  db: Queryable,
  accountId: string,
  role: ProfessionalRole,
  serviceIds: readonly string[],
): Promise<void> {
  await db.update(accounts).set({ role }).where(eq(accounts.id, accountId));
  await db.delete(serviceMemberships).where(eq(serviceMemberships.accountId, accountId));
  if (serviceIds.length > 0)
    await db.insert(serviceMemberships).values(serviceIds.map((serviceId) => ({ accountId, serviceId })));
}
