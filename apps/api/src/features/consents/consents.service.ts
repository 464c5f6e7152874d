import {
  planParts,
  type ConsentDecision,
  type FamilyConsents,
  type PlanPart,
  type ServiceRoleParams,
  type ServiceRoleVisibility,
} from '@yhdessa/shared';
import { authorizeFamily, type FamilyPermission } from '../../access/family-policy';
import { requireFamilyPermission as requireRolePermission } from '../../access/require-family-permission';
import { AppError, notFound } from '../../core/app-error';
import type { RouteContext } from '../../http/route';
import { changeVersioned } from '../../http/versioned-change';
import {
  insertConsentDecision,
  listConsentDecisions,
  listOpenRolesInPlan,
  setRoleHiddenAt,
  type OpenRoleRow,
} from './consents.repository';

type FamilyContext = RouteContext<{ kind: 'family' }>;

function requireFamilyPermission(
  context: FamilyContext,
  permission: FamilyPermission,
  familyId: string,
  resource: string,
): string {
  const decision = authorizeFamily(context.actor, permission, context.family.relation);
  if (decision.allowed) return decision.basis;
  context.auditRefusal({
    familyId,
    action: permission.endsWith(':read') ? 'read' : 'update',
    resource,
    resourceId: familyId,
    basis: `${decision.basis}: ${decision.reason}`,
  });
  if (decision.reason === 'forbidden') throw notFound(resource);
  throw new AppError(decision.reason, 'The case is closed; consents can no longer be changed.');
}

/** The family's consents per service in its plan, and every decision made. */
export async function readFamilyConsents(familyId: string, context: FamilyContext): Promise<FamilyConsents> {
  const basis = requireFamilyPermission(context, 'consent:read', familyId, 'consent');
  const [roles, decisions] = await Promise.all([
    listOpenRolesInPlan(familyId, context.tx),
    listConsentDecisions(familyId, context.tx),
  ]);
  await context.audit({ familyId, action: 'read', resource: 'consent', resourceId: familyId, outcome: 'allowed', basis });

  const current = new Map<string, boolean>();
  for (const decision of decisions) current.set(`${decision.serviceId}/${decision.part}`, decision.granted);
  return {
    services: roles.map((role) => ({
      serviceId: role.serviceId,
      parts: Object.fromEntries(planParts.map((part) => [part, current.get(`${role.serviceId}/${part}`) ?? false])) as Record<
        PlanPart,
        boolean
      >,
      serviceRole: presentRoleVisibility(role),
    })),
    history: decisions.map((decision) => ({
      serviceId: decision.serviceId,
      part: decision.part,
      granted: decision.granted,
      decidedBy: { id: decision.decidedById, name: decision.decidedByName },
      decidedAt: decision.decidedAt.toISOString(),
    })),
  };
}

/** A guardian gives or withdraws consent; it applies from the next request and to open sockets at once. */
export async function decideConsent(
  familyId: string,
  decision: ConsentDecision,
  context: FamilyContext,
): Promise<FamilyConsents> {
  const basis = requireFamilyPermission(context, 'consent:change', familyId, 'consent');
  if (!(await listOpenRolesInPlan(familyId, context.tx)).some((role) => role.serviceId === decision.serviceId))
    throw notFound('service in this plan');
  const row = await insertConsentDecision(familyId, decision, context.actor.accountId, context.tx);
  await context.audit({
    familyId,
    action: 'update',
    resource: 'consent',
    resourceId: decision.serviceId,
    outcome: 'allowed',
    basis,
    detail: { part: decision.part, granted: decision.granted },
  });
  await context.recordFamilyEvent({ type: 'consent.changed', familyId, id: row.id, version: 1 });
  return readFamilyConsents(familyId, context);
}

const presentRoleVisibility = (role: OpenRoleRow) => ({
  id: role.id,
  hiddenFromOtherServices: role.hiddenFromOtherServices,
  version: role.version,
});

/**
 * A guardian or the coordinator keeps a service's role from the other services, or shows it again.
 * Everyone in the plan hears of it, so an open plan drops (or regains) the role at once: at that
 * moment each of them may still (or again) know of the role.
 */
export async function changeServiceRoleVisibility(
  { familyId, serviceRoleId }: ServiceRoleParams,
  { hiddenFromOtherServices, version }: ServiceRoleVisibility,
  context: FamilyContext,
): Promise<FamilyConsents> {
  const basis = requireRolePermission(context, 'service-role-visibility:change', {
    resource: 'service-role',
    resourceId: serviceRoleId,
    target: { serviceRoleId },
    forbiddenDetail: 'Only the family (a guardian) or the coordinator decides who knows of a service in the plan.',
  });
  const role = (await listOpenRolesInPlan(familyId, context.tx)).find((open) => open.id === serviceRoleId);
  if (!role) throw notFound('service role');
  await changeVersioned(context, {
    familyId,
    resource: 'service-role',
    resourceId: serviceRoleId,
    versionNow: role.version,
    basedOn: version,
    update: () => setRoleHiddenAt(familyId, serviceRoleId, { hiddenFromOtherServices, basedOnVersion: version }, context.tx),
    current: async () =>
      presentRoleVisibility((await listOpenRolesInPlan(familyId, context.tx)).find((open) => open.id === serviceRoleId) ?? role),
    basis,
    detail: (after) => ({ serviceId: after.serviceId, hiddenFromOtherServices: after.hiddenFromOtherServices }),
    event: 'serviceRole.updated',
  });
  return readFamilyConsents(familyId, context);
}
