import type { EndServiceRole, ServiceRoleParams, ServiceRoleSummary } from '@yhdessa/shared';
import { authorizeFamily } from '../access/family-policy';
import { AppError, notFound } from '../http/app-error';
import type { RouteContext } from '../http/route';
import { endServiceRoleAt, findServiceRole } from './service-roles.repository';

type ServiceRoleRow = NonNullable<Awaited<ReturnType<typeof findServiceRole>>>;

function presentServiceRoleSummary(row: ServiceRoleRow, responsibleName: string | null = null): ServiceRoleSummary {
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

/** The coordinator ends a service's part in the plan; its workers lose access at once. */
export async function endServiceRole(
  { familyId, serviceRoleId }: ServiceRoleParams,
  change: EndServiceRole,
  context: RouteContext<{ kind: 'family' }>,
): Promise<ServiceRoleSummary> {
  const { tx, actor, family } = context;
  const role = await findServiceRole(familyId, serviceRoleId, tx);
  if (!role) throw notFound('service role');
  const decision = authorizeFamily(actor, 'service-role:end', family.relation);
  if (!decision.allowed) {
    context.auditRefusal({
      familyId,
      action: 'update',
      resource: 'service-role',
      resourceId: serviceRoleId,
      basis: `${decision.basis}: ${decision.reason}`,
    });
    throw decision.reason === 'case_closed'
      ? new AppError('case_closed', 'The case is closed; its plan can no longer be changed.')
      : new AppError('forbidden', 'Only the coordinator can end a service role.');
  }
  const today = new Date().toISOString().slice(0, 10);
  const ended =
    role.version === change.version
      ? await endServiceRoleAt(familyId, serviceRoleId, { basedOnVersion: change.version, endsOn: change.endsOn ?? today }, tx)
      : null;
  if (!ended) {
    const current = (await findServiceRole(familyId, serviceRoleId, tx)) ?? role;
    throw new AppError('version_conflict', 'The service role changed after you loaded it.', {
      current: presentServiceRoleSummary(current),
    });
  }
  await context.audit({
    familyId,
    action: 'update',
    resource: 'service-role',
    resourceId: serviceRoleId,
    outcome: 'allowed',
    basis: decision.basis,
    detail: { status: { from: role.status, to: 'ended' } },
  });
  await context.recordFamilyEvent({ type: 'serviceRole.ended', familyId, id: serviceRoleId, version: ended.version });
  return presentServiceRoleSummary(ended);
}
