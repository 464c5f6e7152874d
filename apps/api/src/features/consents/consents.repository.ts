import type { ConsentDecision } from '@yhdessa/shared';
import { and, asc, eq, inArray } from 'drizzle-orm';
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

/** Services that consent can be given to: those invited to or working in the family's plan. */
export async function listServicesInPlan(familyId: string, db: Queryable): Promise<string[]> {
  const rows = await db
    .selectDistinct({ serviceId: serviceRoles.serviceId })
    .from(serviceRoles)
    .where(and(eq(serviceRoles.familyId, familyId), inArray(serviceRoles.status, ['invited', 'accepted'])));
  return rows.map((row) => row.serviceId);
}

export async function insertConsentDecision(familyId: string, decision: ConsentDecision, decidedBy: string, db: Queryable) {
  const [row] = await db
    .insert(consentDecisions)
    .values({ familyId, serviceId: decision.serviceId, part: decision.part, granted: decision.granted, decidedBy })
    .returning();
  return row!;
}
