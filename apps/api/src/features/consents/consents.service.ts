import { planParts, type ConsentDecision, type FamilyConsents, type PlanPart } from '@yhdessa/shared';
import { authorizeFamily, type FamilyPermission } from '../../access/family-policy';
import { AppError, notFound } from '../../core/app-error';
import type { RouteContext } from '../../http/route';
import { insertConsentDecision, listConsentDecisions, listServicesInPlan } from './consents.repository';

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
  const [serviceIds, decisions] = await Promise.all([
    listServicesInPlan(familyId, context.tx),
    listConsentDecisions(familyId, context.tx),
  ]);
  await context.audit({ familyId, action: 'read', resource: 'consent', resourceId: familyId, outcome: 'allowed', basis });

  const current = new Map<string, boolean>();
  for (const decision of decisions) current.set(`${decision.serviceId}/${decision.part}`, decision.granted);
  return {
    services: serviceIds.map((serviceId) => ({
      serviceId,
      parts: Object.fromEntries(planParts.map((part) => [part, current.get(`${serviceId}/${part}`) ?? false])) as Record<
        PlanPart,
        boolean
      >,
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
  if (!(await listServicesInPlan(familyId, context.tx)).includes(decision.serviceId)) throw notFound('service in this plan');
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
