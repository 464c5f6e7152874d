import type { ConsentDecision } from '@yhdessa/shared';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { accounts } from '../../db/tables/accounts';
import type { Queryable } from '../../db/database';
import { serviceRoles } from '../../db/tables/service-roles';
import { consentDecisions } from '../../db/tables/consents';

/** Every decision ever made in the family, oldest first: the latest per service and part is in force. */
export async function listConsentDecisions(familyId: string, db: Queryable) {
  return db
    .select({
      id: consentDecisions.id,
      serviceId: consentDecisions.serviceId,
      part: consentDecisions.part,
      granted: consentDecisions.granted,
      decidedAt: consentDecisions.decidedAt,
      decidedById: accounts.id,
      decidedByName: accounts.name,
    })
    .from(consentDecisions)
    .innerJoin(accounts, eq(accounts.id, consentDecisions.decidedBy))
    .where(eq(consentDecisions.familyId, familyId))
    .orderBy(asc(consentDecisions.decidedAt), asc(consentDecisions.id));
}

const openRoleColumns = {
  id: serviceRoles.id,
  serviceId: serviceRoles.serviceId,
  hiddenFromOtherServices: serviceRoles.hiddenFromOtherServices,
  version: serviceRoles.version,
};
const isOpen = inArray(serviceRoles.status, ['invited', 'accepted']);

/** Services that consent can be given to: those invited to or working in the family's plan, by their open role (one per service). */
export async function listOpenRolesInPlan(familyId: string, db: Queryable) {
  return db
    .select(openRoleColumns)
    .from(serviceRoles)
    .where(and(eq(serviceRoles.familyId, familyId), isOpen))
    .orderBy(asc(serviceRoles.createdAt), asc(serviceRoles.id));
}

export type OpenRoleRow = Awaited<ReturnType<typeof listOpenRolesInPlan>>[number];

/** Keeps the role from other services, or shows it again, only if it is still at `basedOnVersion`; null otherwise. */
export async function setRoleHiddenAt(
  familyId: string,
  serviceRoleId: string,
  change: { hiddenFromOtherServices: boolean; basedOnVersion: number },
  db: Queryable,
): Promise<OpenRoleRow | null> {
  const [row] = await db
    .update(serviceRoles)
    .set({
      hiddenFromOtherServices: change.hiddenFromOtherServices,
      version: sql`${serviceRoles.version} + 1`,
      updatedAt: new Date(),
    })
    .where(
      and(
        eq(serviceRoles.familyId, familyId),
        eq(serviceRoles.id, serviceRoleId),
        eq(serviceRoles.version, change.basedOnVersion),
        isOpen,
      ),
    )
    .returning(openRoleColumns);
  return row ?? null;
}

export async function insertConsentDecision(familyId: string, decision: ConsentDecision, decidedBy: string, db: Queryable) {
  const [row] = await db
    .insert(consentDecisions)
    .values({ familyId, serviceId: decision.serviceId, part: decision.part, granted: decision.granted, decidedBy })
    .returning();
  return row!;
}
