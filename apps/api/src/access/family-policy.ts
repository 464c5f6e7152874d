import { planParts, type PlanPart } from '@yhdessa/shared';
import type { Actor } from '../http/request-context';
import type { FamilyRelation } from './family-relation.repository';

/**
 * The one place that decides what a person may do with a family's case. Pure functions over
 * the actor and their relation to the family, so the rules can be tested as tables.
 */

export type AccessBasis = 'coordinator' | 'service-role' | 'family-member';

export type FamilyPermission =
  'plan:read' | 'action:update' | 'service-role:end' | 'consent:read' | 'consent:change' | 'access-log:read';

export type Decision =
  | { allowed: true; basis: AccessBasis }
  /** `not_found` hides that the family exists; `forbidden` is for what the caller can already see. */
  | { allowed: false; reason: 'not_found' | 'forbidden' | 'case_closed'; basis: AccessBasis | 'none' };

/** Which relationship, if any, lets the actor into the family at all. */
export function familyAccessBasis(actor: Actor, relation: FamilyRelation): AccessBasis | null {
  switch (actor.role) {
    case 'coordinator':
      return relation.coordinatorId === actor.accountId ? 'coordinator' : null;
    case 'worker':
      return relation.actorServiceRoleIds.length > 0 ? 'service-role' : null;
    case 'family':
      return relation.actorMember ? 'family-member' : null;
    case 'manager':
    case 'admin':
      return null;
  }
}

interface ActionTarget {
  serviceRoleId: string | null;
}

/** Who may do what, by basis. A write also needs an open case. */
const rules: Record<
  FamilyPermission,
  { write: boolean; allows(basis: AccessBasis, relation: FamilyRelation, target?: ActionTarget): boolean }
> = {
  'plan:read': { write: false, allows: () => true },
  'action:update': {
    write: true,
    allows: (basis, relation, target) =>
      basis === 'coordinator' ||
      (basis === 'service-role' &&
        target?.serviceRoleId != null &&
        relation.actorServiceRoleIds.includes(target.serviceRoleId)) ||
      (basis === 'family-member' && target?.serviceRoleId === null),
  },
  'service-role:end': { write: true, allows: (basis) => basis === 'coordinator' },
  // Consent is the family's: services never see who consented to what for others.
  'consent:read': { write: false, allows: (basis) => basis !== 'service-role' },
  // Only a guardian decides; a young member sees the consents but does not change them.
  'consent:change': {
    write: true,
    allows: (basis, relation) => basis === 'family-member' && relation.actorMember?.relation === 'guardian',
  },
  'access-log:read': { write: false, allows: (basis) => basis !== 'service-role' },
};

export function authorizeFamily(
  actor: Actor,
  permission: FamilyPermission,
  relation: FamilyRelation,
  target?: ActionTarget,
): Decision {
  const basis = familyAccessBasis(actor, relation);
  if (!basis) return { allowed: false, reason: 'not_found', basis: 'none' };
  const rule = rules[permission];
  if (!rule.allows(basis, relation, target)) return { allowed: false, reason: 'forbidden', basis };
  if (rule.write && relation.status === 'closed') return { allowed: false, reason: 'case_closed', basis };
  return { allowed: true, basis };
}

/** The plan parts the actor may read: a service sees only what the family consented to share with it. */
export function visiblePlanParts(actor: Actor, relation: FamilyRelation): ReadonlySet<PlanPart> {
  const basis = familyAccessBasis(actor, relation);
  if (basis === 'coordinator' || basis === 'family-member') return new Set(planParts);
  if (basis === 'service-role') return new Set(relation.consentedParts);
  return new Set();
}
