import type { AuditAction } from '@yhdessa/shared';
import type { Actor } from '../core/actor';
import { AppError, notFound } from '../core/app-error';
import { authorizeFamily, type AccessBasis, type FamilyPermission, type FamilyTarget } from './family-policy';
import type { FamilyRelation } from './family-relation.repository';

/**
 * What enforcing a decision needs of a request: who asks, their relation to the family, and a
 * way to audit a refusal (a family route's context has all three).
 */
export interface FamilyContext {
  actor: Actor;
  family: { relation: FamilyRelation; basis: AccessBasis };
  auditRefusal(refusal: { familyId: string; action: AuditAction; resource: string; resourceId: string; basis: string }): void;
}

interface Subject {
  /** Audit resource name, e.g. `goal`. */
  resource: string;
  resourceId: string;
  target?: FamilyTarget;
  /** Answer 404 rather than 403 when the caller may not even see the subject. */
  hideWhenForbidden?: boolean;
  /** What to tell a caller who may see the subject but not do this. */
  forbiddenDetail?: string;
}

/**
 * Asks the policy, and on refusal audits it and throws the answer the caller may get: 404 when
 * they may not see it, 403 when they may, 409 `case_closed` for a write on a closed case.
 */
export function requireFamilyPermission(context: FamilyContext, permission: FamilyPermission, subject: Subject): AccessBasis {
  const decision = authorizeFamily(context.actor, permission, context.family.relation, subject.target);
  if (decision.allowed) return decision.basis;
  context.auditRefusal({
    familyId: context.family.relation.familyId,
    action: permission.endsWith(':read') ? 'read' : 'update',
    resource: subject.resource,
    resourceId: subject.resourceId,
    basis: `${decision.basis}: ${decision.reason}`,
  });
  if (decision.reason === 'not_found' || (decision.reason === 'forbidden' && subject.hideWhenForbidden))
    throw notFound(subject.resource.replace('-', ' '));
  if (decision.reason === 'case_closed')
    throw new AppError('case_closed', 'The case is closed; its plan can no longer be changed.');
  throw new AppError('forbidden', subject.forbiddenDetail ?? 'You may not do this in this plan.');
}

/** The caller may not see this subject: audit the attempt and answer as if it did not exist. */
export function refuseUnseen(
  context: FamilyContext,
  subject: Pick<Subject, 'resource' | 'resourceId'>,
  action: 'read' | 'update' = 'update',
): AppError {
  context.auditRefusal({
    familyId: context.family.relation.familyId,
    action,
    resource: subject.resource,
    resourceId: subject.resourceId,
    basis: `${context.family.basis}: not visible`,
  });
  return notFound(subject.resource.replace('-', ' '));
}
