import type { DeclinedInvitation, ServiceInvitation, ServiceRoleSummary } from '@yhdessa/shared';
import type { DeclinedInvitationRow, InvitationSummaryRow, ServiceRoleRow } from './service-roles.repository';

export function presentServiceRoleSummary(row: ServiceRoleRow, responsibleName: string | null = null): ServiceRoleSummary {
  return {
    id: row.id,
    serviceId: row.serviceId,
    status: row.status,
    description: row.description,
    responsibleWorker:
      row.responsibleAccountId && responsibleName ? { id: row.responsibleAccountId, name: responsibleName } : null,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    version: row.version,
  };
}

const personOf = (id: string | null, name: string | null) => (id && name ? { id, name } : null);

export function presentInvitation(row: InvitationSummaryRow): ServiceInvitation {
  return {
    serviceRoleId: row.serviceRoleId,
    familyId: row.familyId,
    familyName: row.familyName,
    coordinator: { id: row.coordinatorId, name: row.coordinatorName },
    service: { id: row.serviceId, name: row.serviceName },
    status: row.status,
    invitedAt: row.invitedAt?.toISOString() ?? null,
    respondedAt: row.respondedAt?.toISOString() ?? null,
    respondedBy: personOf(row.respondedById, row.respondedByName),
    declineReason: row.declineReason,
    message: row.message,
    version: row.version,
  };
}

/** `withDetails`: who declined, why, and the coordinator's own message; the family reads only that a service declined. */
export function presentDeclinedInvitation(row: DeclinedInvitationRow, withDetails: boolean): DeclinedInvitation {
  return {
    serviceRoleId: row.serviceRoleId,
    service: { id: row.serviceId, name: row.serviceName, category: row.serviceCategory },
    invitedAt: row.invitedAt?.toISOString() ?? null,
    respondedAt: row.respondedAt?.toISOString() ?? null,
    respondedBy: withDetails ? personOf(row.respondedById, row.respondedByName) : null,
    reason: withDetails ? row.reason : null,
    message: withDetails ? row.message : null,
    replacedBy:
      row.replacementId && row.replacementStatus && row.replacementServiceId && row.replacementServiceName
        ? {
            serviceRoleId: row.replacementId,
            service: { id: row.replacementServiceId, name: row.replacementServiceName },
            status: row.replacementStatus,
          }
        : null,
  };
}
