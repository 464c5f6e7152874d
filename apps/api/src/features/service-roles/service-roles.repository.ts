import { and, asc, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { accounts, serviceMemberships } from '../../db/tables/accounts';
import type { Queryable } from '../../db/database';
import { families } from '../../db/tables/families';
import { services } from '../../db/tables/services';
import { serviceRoles } from '../../db/tables/service-roles';

export async function findServiceRole(familyId: string, serviceRoleId: string, db: Queryable) {
  const [row] = await db
    .select()
    .from(serviceRoles)
    .where(and(eq(serviceRoles.familyId, familyId), eq(serviceRoles.id, serviceRoleId)));
  return row ?? null;
}

export type ServiceRoleRow = NonNullable<Awaited<ReturnType<typeof findServiceRole>>>;

export async function endServiceRoleAt(
  familyId: string,
  serviceRoleId: string,
  change: { basedOnVersion: number; endsOn: RoleDate },
  db: Queryable,
) {
  return updateServiceRoleAt(familyId, serviceRoleId, { status: 'ended', endsOn: change.endsOn }, change.basedOnVersion, db);
}

/** A date as `YYYY-MM-DD`, or the municipality's today read in SQL. */
type RoleDate = string | SQL<string>;

/** Changes the role only if it is still at `basedOnVersion`; null when someone else got there first. */
export async function updateServiceRoleAt(
  familyId: string,
  serviceRoleId: string,
  change: Partial<
    Pick<ServiceRoleRow, 'status' | 'description' | 'responsibleAccountId' | 'respondedAt' | 'respondedBy' | 'declineReason'> & {
      startsOn: RoleDate | null;
      endsOn: RoleDate | null;
    }
  >,
  basedOnVersion: number,
  db: Queryable,
) {
  const [row] = await db
    .update(serviceRoles)
    .set({ ...change, version: sql`${serviceRoles.version} + 1`, updatedAt: new Date() })
    .where(and(eq(serviceRoles.familyId, familyId), eq(serviceRoles.id, serviceRoleId), eq(serviceRoles.version, basedOnVersion)))
    .returning();
  return row ?? null;
}

/** The service's role in the plan that is still open (invited or accepted), if any. */
export async function findOpenRoleOfService(familyId: string, serviceId: string, db: Queryable) {
  const [row] = await db
    .select()
    .from(serviceRoles)
    .where(
      and(
        eq(serviceRoles.familyId, familyId),
        eq(serviceRoles.serviceId, serviceId),
        inArray(serviceRoles.status, ['invited', 'accepted']),
      ),
    )
    .limit(1);
  return row ?? null;
}

export async function insertInvitedServiceRole(
  familyId: string,
  invitation: { serviceId: string; invitedBy: string; message: string | null; replacesServiceRoleId: string | null },
  db: Queryable,
) {
  const [row] = await db
    .insert(serviceRoles)
    .values({
      familyId,
      serviceId: invitation.serviceId,
      status: 'invited',
      invitedBy: invitation.invitedBy,
      invitedAt: new Date(),
      invitationMessage: invitation.message,
      replacesServiceRoleId: invitation.replacesServiceRoleId,
    })
    .returning();
  return row!;
}

/** The invitation sent in place of a declined one, if any. */
export async function findReplacementOf(familyId: string, serviceRoleId: string, db: Queryable) {
  const [row] = await db
    .select({ id: serviceRoles.id })
    .from(serviceRoles)
    .where(and(eq(serviceRoles.familyId, familyId), eq(serviceRoles.replacesServiceRoleId, serviceRoleId)));
  return row ?? null;
}

/** The catalogue entry's state: null when there is no such service. */
export async function findServiceState(serviceId: string, db: Queryable): Promise<{ retired: boolean } | null> {
  const [row] = await db.select({ retiredAt: services.retiredAt }).from(services).where(eq(services.id, serviceId));
  return row ? { retired: row.retiredAt !== null } : null;
}

/** The worker's name when they belong to the service; null otherwise. */
export async function findWorkerOfService(serviceId: string, accountId: string, db: Queryable) {
  const [row] = await db
    .select({ id: accounts.id, name: accounts.name })
    .from(serviceMemberships)
    .innerJoin(accounts, eq(accounts.id, serviceMemberships.accountId))
    .where(and(eq(serviceMemberships.serviceId, serviceId), eq(serviceMemberships.accountId, accountId)));
  return row ?? null;
}

/** The workers of the service whose accounts are in use, by name. */
export async function listWorkersOfService(serviceId: string, db: Queryable) {
  return db
    .select({ id: accounts.id, name: accounts.name })
    .from(serviceMemberships)
    .innerJoin(accounts, eq(accounts.id, serviceMemberships.accountId))
    .where(and(eq(serviceMemberships.serviceId, serviceId), isNull(accounts.disabledAt)))
    .orderBy(asc(accounts.name), asc(accounts.id));
}

/**
 * Where news of an invitation for a service goes: its enabled workers, or, when it has none yet,
 * the e-mail address in its contact details. Never a new login.
 */
export async function findServiceInvitationRecipients(serviceId: string, db: Queryable): Promise<string[]> {
  const workers = await db
    .select({ email: accounts.email })
    .from(serviceMemberships)
    .innerJoin(accounts, eq(accounts.id, serviceMemberships.accountId))
    .where(and(eq(serviceMemberships.serviceId, serviceId), isNull(accounts.disabledAt)))
    .orderBy(asc(accounts.email));
  if (workers.length > 0) return workers.map((worker) => worker.email);
  const [service] = await db.select({ contact: services.contact }).from(services).where(eq(services.id, serviceId));
  // The contact details are free text ("017 555 0303, perhetyo@example.fi"): the first word that is an address.
  const contactEmail = service?.contact.split(/[\s,;<>()]+/).find((word) => emailAddress.safeParse(word).success);
  return contactEmail ? [contactEmail] : [];
}

const emailAddress = z.email();

export async function findAccountName(accountId: string | null, db: Queryable): Promise<string | null> {
  if (!accountId) return null;
  const [row] = await db.select({ name: accounts.name }).from(accounts).where(eq(accounts.id, accountId));
  return row?.name ?? null;
}

const responder = alias(accounts, 'responder');

const invitationColumns = {
  serviceRoleId: serviceRoles.id,
  familyId: families.id,
  familyName: families.name,
  coordinatorId: accounts.id,
  coordinatorName: accounts.name,
  serviceId: services.id,
  serviceName: services.name,
  status: serviceRoles.status,
  invitedAt: serviceRoles.invitedAt,
  respondedAt: serviceRoles.respondedAt,
  respondedById: responder.id,
  respondedByName: responder.name,
  declineReason: serviceRoles.declineReason,
  message: serviceRoles.invitationMessage,
  version: serviceRoles.version,
};

/** What an invited service sees of the family: its name and coordinator, nothing of the plan. */
export async function findInvitationSummary(familyId: string, serviceRoleId: string, db: Queryable) {
  const [row] = await db
    .select(invitationColumns)
    .from(serviceRoles)
    .innerJoin(families, eq(families.id, serviceRoles.familyId))
    .innerJoin(accounts, eq(accounts.id, families.coordinatorId))
    .innerJoin(services, eq(services.id, serviceRoles.serviceId))
    .leftJoin(responder, eq(responder.id, serviceRoles.respondedBy))
    .where(and(eq(serviceRoles.familyId, familyId), eq(serviceRoles.id, serviceRoleId)));
  return row ?? null;
}

export type InvitationSummaryRow = NonNullable<Awaited<ReturnType<typeof findInvitationSummary>>>;

/** Cross-family read, on purpose: the open invitations of every service the worker belongs to. */
export async function listOpenInvitationsAcrossFamiliesForWorker(accountId: string, db: Queryable) {
  return db
    .select(invitationColumns)
    .from(serviceRoles)
    .innerJoin(families, eq(families.id, serviceRoles.familyId))
    .innerJoin(accounts, eq(accounts.id, families.coordinatorId))
    .innerJoin(services, eq(services.id, serviceRoles.serviceId))
    .innerJoin(serviceMemberships, eq(serviceMemberships.serviceId, serviceRoles.serviceId))
    .leftJoin(responder, eq(responder.id, serviceRoles.respondedBy))
    .where(
      and(eq(serviceMemberships.accountId, accountId), eq(serviceRoles.status, 'invited'), sql`${families.status} <> 'closed'`),
    )
    .orderBy(asc(serviceRoles.invitedAt), asc(serviceRoles.id));
}

const replacement = alias(serviceRoles, 'replacement');
const replacementService = alias(services, 'replacement_service');

/** The family's declined invitations, newest answer first, each with who declined and what was sent in its place. */
export async function findDeclinedInvitations(familyId: string, db: Queryable) {
  return db
    .select({
      serviceRoleId: serviceRoles.id,
      serviceId: services.id,
      serviceName: services.name,
      serviceCategory: services.category,
      invitedAt: serviceRoles.invitedAt,
      respondedAt: serviceRoles.respondedAt,
      respondedById: responder.id,
      respondedByName: responder.name,
      reason: serviceRoles.declineReason,
      message: serviceRoles.invitationMessage,
      replacementId: replacement.id,
      replacementStatus: replacement.status,
      replacementServiceId: replacementService.id,
      replacementServiceName: replacementService.name,
    })
    .from(serviceRoles)
    .innerJoin(services, eq(services.id, serviceRoles.serviceId))
    .leftJoin(responder, eq(responder.id, serviceRoles.respondedBy))
    .leftJoin(replacement, eq(replacement.replacesServiceRoleId, serviceRoles.id))
    .leftJoin(replacementService, eq(replacementService.id, replacement.serviceId))
    .where(and(eq(serviceRoles.familyId, familyId), eq(serviceRoles.status, 'declined')))
    .orderBy(desc(sql`coalesce(${serviceRoles.respondedAt}, ${serviceRoles.updatedAt})`), asc(serviceRoles.id));
}

export type DeclinedInvitationRow = Awaited<ReturnType<typeof findDeclinedInvitations>>[number];
