import type { Actor } from '../http/request-context';
import type { FamilyRelation } from './family-relation.repository';

/**
 * The one place that decides what a person may do with a family's case. Pure functions over
 * the actor and their relation to the family, so the rules can be tested as tables.
 */

export type AccessBasis = 'coordinator' | 'service-role' | 'family-member';

export type FamilyPermission = 'plan:read' | 'action:update';

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
      return relation.actorMemberId ? 'family-member' : null;
    case 'manager':
    case 'admin':
      return null;
  }
}

interface ActionTarget {
  serviceRoleId: string | null;
}

export function authorizeFamily(actor: Actor, permission: 'plan:read', relation: FamilyRelation): Decision;
export function authorizeFamily(
  actor: Actor,
  permission: 'action:update',
  relation: FamilyRelation,
  target: ActionTarget,
): Decision;
export function authorizeFamily(
  actor: Actor,
  permission: FamilyPermission,
  relation: FamilyRelation,
  target?: ActionTarget,
): Decision {
  const basis = familyAccessBasis(actor, relation);
  if (!basis) return { allowed: false, reason: 'not_found', basis: 'none' };
  if (permission === 'plan:read') return { allowed: true, basis };

  if (relation.status === 'closed') return { allowed: false, reason: 'case_closed', basis };
  const ownsAction =
    basis === 'coordinator' ||
    (basis === 'service-role' && target?.serviceRoleId != null && relation.actorServiceRoleIds.includes(target.serviceRoleId)) ||
    (basis === 'family-member' && target?.serviceRoleId === null);
  return ownsAction ? { allowed: true, basis } : { allowed: false, reason: 'forbidden', basis };
}
