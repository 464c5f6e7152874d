import { and, asc, eq, gte, isNull, lte, ne, or, sql } from 'drizzle-orm';
import { accounts, serviceMemberships } from '../../db/tables/accounts';
import { municipalityToday } from '../../core/clock';
import { actions } from '../../db/tables/actions';
import { actionColumns, actionIsOverdue } from '../actions';
import type { Queryable } from '../../db/database';
import { families } from '../../db/tables/families';
import { reviews } from '../../db/tables/reviews';
import { serviceRoles } from '../../db/tables/service-roles';
import { services } from '../../db/tables/services';

/*
 * Cross-family reads, on purpose: each is limited to the families the caller coordinates, or to
 * their own services' active roles, the same relationships the access module grants.
 */

const coordinatedBy = (accountId: string) => and(eq(families.coordinatorId, accountId), ne(families.status, 'closed'));
const inDays = (days: number) => sql`${municipalityToday} + ${days}::int`;

export async function listOverdueActionsOfCoordinator(accountId: string, db: Queryable) {
  return db
    .select({ action: actionColumns, familyName: families.name, serviceId: services.id, serviceName: services.name })
    .from(actions)
    .innerJoin(families, eq(families.id, actions.familyId))
    .leftJoin(serviceRoles, eq(serviceRoles.id, actions.serviceRoleId))
    .leftJoin(services, eq(services.id, serviceRoles.serviceId))
    .where(and(coordinatedBy(accountId), actionIsOverdue))
    .orderBy(asc(actions.dueOn), asc(families.name), asc(actions.id));
}

export async function listUnansweredInvitationsOfCoordinator(accountId: string, db: Queryable) {
  return db
    .select({
      familyId: families.id,
      familyName: families.name,
      serviceRoleId: serviceRoles.id,
      serviceId: services.id,
      serviceName: services.name,
      invitedAt: sql<Date>`coalesce(${serviceRoles.invitedAt}, ${serviceRoles.createdAt})`.mapWith(
        (value: string | Date) => new Date(value),
      ),
      reminderSentAt: serviceRoles.reminderSentAt,
      reminderRecipients: serviceRoles.reminderRecipients,
    })
    .from(serviceRoles)
    .innerJoin(families, eq(families.id, serviceRoles.familyId))
    .innerJoin(services, eq(services.id, serviceRoles.serviceId))
    .where(and(coordinatedBy(accountId), eq(serviceRoles.status, 'invited')))
    .orderBy(sql`coalesce(${serviceRoles.invitedAt}, ${serviceRoles.createdAt})`, asc(serviceRoles.id));
}

export async function listUpcomingReviewsOfCoordinator(accountId: string, days: number, db: Queryable) {
  return db
    .select({ familyId: families.id, familyName: families.name, reviewId: reviews.id, scheduledOn: reviews.scheduledOn })
    .from(reviews)
    .innerJoin(families, eq(families.id, reviews.familyId))
    .where(
      and(
        coordinatedBy(accountId),
        eq(reviews.status, 'scheduled'),
        gte(reviews.scheduledOn, municipalityToday),
        lte(reviews.scheduledOn, inDays(days)),
      ),
    )
    .orderBy(asc(reviews.scheduledOn), asc(families.name));
}

/** Cases waiting for the caller to accept them: the family's name and who offers it, nothing more. */
export async function listHandoversTo(accountId: string, db: Queryable) {
  return db
    .select({
      familyId: families.id,
      familyName: families.name,
      fromId: accounts.id,
      fromName: accounts.name,
      requestedAt: families.handoverRequestedAt,
    })
    .from(families)
    .innerJoin(accounts, eq(accounts.id, families.coordinatorId))
    .where(eq(families.handoverToId, accountId))
    .orderBy(asc(families.handoverRequestedAt));
}

/** Open actions of the worker's services, in families where the service's role is active, due within `days` or overdue. */
export async function listDueActionsOfWorker(accountId: string, days: number, db: Queryable) {
  return db
    .select({ action: actionColumns, familyName: families.name, serviceId: services.id, serviceName: services.name })
    .from(actions)
    .innerJoin(serviceRoles, eq(serviceRoles.id, actions.serviceRoleId))
    .innerJoin(
      serviceMemberships,
      and(eq(serviceMemberships.serviceId, serviceRoles.serviceId), eq(serviceMemberships.accountId, accountId)),
    )
    .innerJoin(services, eq(services.id, serviceRoles.serviceId))
    .innerJoin(families, eq(families.id, actions.familyId))
    .where(
      and(
        eq(serviceRoles.status, 'accepted'),
        or(isNull(serviceRoles.endsOn), gte(serviceRoles.endsOn, municipalityToday)),
        ne(families.status, 'closed'),
        ne(actions.status, 'done'),
        lte(actions.dueOn, inDays(days)),
      ),
    )
    .orderBy(asc(actions.dueOn), asc(families.name), asc(actions.id));
}
