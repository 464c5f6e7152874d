import type { LocalizedText, PlanPart } from '@yhdessa/shared';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Reader } from '../../core/actor';
import { municipalityToday } from '../../core/clock';
import { queryRows, type Queryable } from '../../db/database';
import { accounts, serviceMemberships } from '../../db/tables/accounts';
import { actions } from '../../db/tables/actions';
import { comments } from '../../db/tables/comments';
import { families, familyMembers } from '../../db/tables/families';
import { goals } from '../../db/tables/goals';
import { reviews } from '../../db/tables/reviews';
import { serviceRoles } from '../../db/tables/service-roles';
import { services } from '../../db/tables/services';

/**
 * What a notification is made from: the item an event names and the people it may concern, read
 * in the change's transaction. Every function takes the family first and reads only inside it.
 */

const reader = { accountId: accounts.id, role: accounts.role };
const enabled = isNull(accounts.disabledAt);

/** An action with the service whose role does it (none for the family's own). */
export interface ActionFacts {
  id: string;
  familyId: string;
  title: string;
  dueOn: string | null;
  serviceRoleId: string | null;
  serviceId: string | null;
  serviceName: LocalizedText | null;
}

const actionFacts = {
  id: actions.id,
  familyId: actions.familyId,
  title: actions.title,
  dueOn: actions.dueOn,
  serviceRoleId: actions.serviceRoleId,
  serviceId: serviceRoles.serviceId,
  serviceName: services.name,
};

export async function findActionFacts(familyId: string, actionId: string, db: Queryable): Promise<ActionFacts | null> {
  const [row] = await db
    .select(actionFacts)
    .from(actions)
    .leftJoin(serviceRoles, eq(serviceRoles.id, actions.serviceRoleId))
    .leftJoin(services, eq(services.id, serviceRoles.serviceId))
    .where(and(eq(actions.familyId, familyId), eq(actions.id, actionId)));
  return row ?? null;
}

/**
 * Cross-family, on purpose (a system job): actions of open cases, in an accepted role or the
 * family's own, that fell overdue in the last `withinDays` days. An action long overdue is no news.
 */
export async function listActionsFallenOverdueOfAllFamilies(withinDays: number, db: Queryable): Promise<ActionFacts[]> {
  return db
    .select(actionFacts)
    .from(actions)
    .innerJoin(families, eq(families.id, actions.familyId))
    .leftJoin(serviceRoles, eq(serviceRoles.id, actions.serviceRoleId))
    .leftJoin(services, eq(services.id, serviceRoles.serviceId))
    .where(
      sql`${actions.status} <> 'done' and ${actions.dueOn} < ${municipalityToday}
        and ${actions.dueOn} >= ${municipalityToday} - ${withinDays}::int and ${families.status} <> 'closed'
        and (${actions.serviceRoleId} is null or ${serviceRoles.status} = 'accepted')`,
    );
}

/** The service's workers with a login in use. */
export async function listWorkersOfService(serviceId: string, db: Queryable): Promise<Reader[]> {
  return db
    .select(reader)
    .from(serviceMemberships)
    .innerJoin(accounts, eq(accounts.id, serviceMemberships.accountId))
    .where(and(eq(serviceMemberships.serviceId, serviceId), eq(accounts.role, 'worker'), enabled));
}

/** The family's members who have a login in use. */
export async function listMembersWithLogin(familyId: string, db: Queryable): Promise<Reader[]> {
  return db
    .select(reader)
    .from(familyMembers)
    .innerJoin(accounts, eq(accounts.id, familyMembers.accountId))
    .where(and(eq(familyMembers.familyId, familyId), enabled));
}

/** The family's coordinator, and the one a pending handover names. */
export async function findCoordinators(
  familyId: string,
  db: Queryable,
): Promise<{ coordinator: Reader; handoverTo: Reader | null } | null> {
  const [row] = await db
    .select({ coordinatorId: families.coordinatorId, handoverToId: families.handoverToId })
    .from(families)
    .where(eq(families.id, familyId));
  if (!row) return null;
  const coordinator = (accountId: string): Reader => ({ accountId, role: 'coordinator' });
  return { coordinator: coordinator(row.coordinatorId), handoverTo: row.handoverToId ? coordinator(row.handoverToId) : null };
}

/** The services with an accepted role in the plan that has not ended. */
export async function listServicesInPlan(familyId: string, db: Queryable): Promise<string[]> {
  const rows = await db
    .selectDistinct({ serviceId: serviceRoles.serviceId })
    .from(serviceRoles)
    .where(
      sql`${serviceRoles.familyId} = ${familyId} and ${serviceRoles.status} = 'accepted'
        and (${serviceRoles.endsOn} is null or ${serviceRoles.endsOn} >= ${municipalityToday})`,
    );
  return rows.map((row) => row.serviceId);
}

export async function findServiceRoleFacts(familyId: string, serviceRoleId: string, db: Queryable) {
  const [row] = await db
    .select({ id: serviceRoles.id, serviceId: serviceRoles.serviceId, serviceName: services.name, endsOn: serviceRoles.endsOn })
    .from(serviceRoles)
    .innerJoin(services, eq(services.id, serviceRoles.serviceId))
    .where(and(eq(serviceRoles.familyId, familyId), eq(serviceRoles.id, serviceRoleId)));
  return row ?? null;
}

/** Whether the reader works in the service of the role, whatever the role's state. */
export async function isRoleOfReadersService(familyId: string, serviceRoleId: string, accountId: string, db: Queryable) {
  const [row] = await db
    .select({ id: serviceRoles.id })
    .from(serviceRoles)
    .innerJoin(serviceMemberships, eq(serviceMemberships.serviceId, serviceRoles.serviceId))
    .where(
      and(eq(serviceRoles.familyId, familyId), eq(serviceRoles.id, serviceRoleId), eq(serviceMemberships.accountId, accountId)),
    );
  return row !== undefined;
}

/** A comment on a goal or an action, with its target's title and the action's facts. */
export async function findCommentFacts(familyId: string, commentId: string, db: Queryable) {
  const [row] = await db
    .select({ goalId: comments.goalId, goalTitle: goals.title, actionId: comments.actionId })
    .from(comments)
    .leftJoin(goals, eq(goals.id, comments.goalId))
    .where(and(eq(comments.familyId, familyId), eq(comments.id, commentId)));
  if (!row) return null;
  if (row.goalId) return { on: 'goal' as const, goalId: row.goalId, title: row.goalTitle ?? '' };
  const action = row.actionId ? await findActionFacts(familyId, row.actionId, db) : null;
  return action ? { on: 'action' as const, action } : null;
}

export async function findReviewFacts(familyId: string, reviewId: string, db: Queryable) {
  const [row] = await db
    .select({ scheduledOn: reviews.scheduledOn, status: reviews.status, planVersion: reviews.planVersion })
    .from(reviews)
    .where(and(eq(reviews.familyId, familyId), eq(reviews.id, reviewId)));
  return row ?? null;
}

interface ConsentFactsRow {
  service_id: string;
  service_name: LocalizedText;
  part: PlanPart;
  granted: boolean;
  service_role_id: string | null;
}

/** A consent decision, with the open role of its service in the plan (the one the decision opens or closes). */
export async function findConsentFacts(familyId: string, decisionId: string, db: Queryable) {
  const [row] = await queryRows<ConsentFactsRow>(
    db,
    sql`select cd.service_id, s.name as service_name, cd.part, cd.granted, (
        select sr.id from service_roles sr
        where sr.family_id = cd.family_id and sr.service_id = cd.service_id and sr.status in ('invited', 'accepted')
        order by sr.created_at desc limit 1
      ) as service_role_id
      from consent_decisions cd join services s on s.id = cd.service_id
      where cd.family_id = ${familyId} and cd.id = ${decisionId}`,
  );
  return row
    ? {
        serviceId: row.service_id,
        serviceName: row.service_name,
        part: row.part,
        granted: row.granted,
        serviceRoleId: row.service_role_id,
      }
    : null;
}
