import type { ServiceInvitation, ServiceRoleSummary } from '@yhdessa/shared';
import type { InvitationSummaryRow, ServiceRoleRow } from './service-roles.repository';

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
    declineReason: row.declineReason,
    version: row.version,
  };
}
