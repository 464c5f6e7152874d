import { and, asc, eq, inArray, lt, max } from 'drizzle-orm';
import { auditChainOf } from '../../audit/audit.repository';
import { auditEvents } from '../../db/tables/audit';
import { sessions } from '../../db/tables/sessions';
import { accounts } from '../../db/tables/accounts';
import { actions } from '../../db/tables/actions';
import type { Queryable } from '../../db/database';
import { familyMembers, families } from '../../db/tables/families';
import { listGoalProgress } from '../goals';
import { actionColumns } from '../actions';
import { goals } from '../../db/tables/goals';
import { serviceRoles } from '../../db/tables/service-roles';
import { services } from '../../db/tables/services';
import { plans } from '../../db/tables/plans';

/** Everything the plan view is made of, read for one family. */
export async function findPlanParts(familyId: string, options: { withGoals: boolean }, db: Queryable) {
  const [header] = await db
    .select({
      id: families.id,
      name: families.name,
      status: families.status,
      coordinatorId: accounts.id,
      coordinatorName: accounts.name,
      version: plans.version,
      updatedAt: plans.updatedAt,
    })
    .from(families)
    .innerJoin(accounts, eq(accounts.id, families.coordinatorId))
    .innerJoin(plans, eq(plans.familyId, families.id))
    .where(eq(families.id, familyId));
  if (!header) return null;

  const members = await db
    .select({
      id: familyMembers.id,
      name: familyMembers.name,
      relation: familyMembers.relation,
      birthYear: familyMembers.birthYear,
    })
    .from(familyMembers)
    .where(eq(familyMembers.familyId, familyId))
    .orderBy(asc(familyMembers.createdAt), asc(familyMembers.id));

  const goalRows = options.withGoals
    ? await db.select().from(goals).where(eq(goals.familyId, familyId)).orderBy(asc(goals.createdAt), asc(goals.id))
    : [];
  const progressRows = await listGoalProgress(
    familyId,
    goalRows.map((goal) => goal.id),
    db,
  );

  const roleRows = await db
    .select({ role: serviceRoles, service: services, responsibleName: accounts.name })
    .from(serviceRoles)
    .innerJoin(services, eq(services.id, serviceRoles.serviceId))
    .leftJoin(accounts, eq(accounts.id, serviceRoles.responsibleAccountId))
    .where(and(eq(serviceRoles.familyId, familyId), inArray(serviceRoles.status, ['invited', 'accepted'])))
    .orderBy(asc(serviceRoles.createdAt), asc(serviceRoles.id));

  const actionRows = await db
    .select(actionColumns)
    .from(actions)
    .where(eq(actions.familyId, familyId))
    .orderBy(asc(actions.dueOn), asc(actions.createdAt), asc(actions.id));

  return { header, members, goals: goalRows, progress: progressRows, roles: roleRows, actions: actionRows };
}

export type PlanParts = NonNullable<Awaited<ReturnType<typeof findPlanParts>>>;

/**
 * When this person last read the family's plan before their current session began: their own
 * earlier visit, from the audit log. Null when they have not read it before this sign-in.
 */
export async function findLastVisit(
  familyId: string,
  reader: { accountId: string; sessionId: string },
  db: Queryable,
): Promise<string | null> {
  const [session] = await db.select({ createdAt: sessions.createdAt }).from(sessions).where(eq(sessions.id, reader.sessionId));
  if (!session) return null;
  const [row] = await db
    .select({ lastAt: max(auditEvents.occurredAt) })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.chain, auditChainOf(familyId)),
        eq(auditEvents.actorId, reader.accountId),
        eq(auditEvents.action, 'read'),
        eq(auditEvents.resource, 'plan'),
        eq(auditEvents.outcome, 'allowed'),
        lt(auditEvents.occurredAt, session.createdAt),
      ),
    );
  return row?.lastAt ? new Date(row.lastAt).toISOString() : null;
}
