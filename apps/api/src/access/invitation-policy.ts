import type { CreateInvitation, Role } from '@yhdessa/shared';
import type { Actor } from '../core/actor';

/**
 * Who hands out which login. A worker login opens every family its service works with, so only
 * an administrator adds a person to a service; a coordinator invites members of their own
 * families (the family relation is checked with `authorizeFamily(..., 'member:invite')`).
 */
const invitingRole: Record<CreateInvitation['kind'], Role> = { worker: 'admin', 'family-member': 'coordinator' };

export function mayInvite(actor: Actor, kind: CreateInvitation['kind']): boolean {
  return actor.role === invitingRole[kind];
}

/** An administrator of an organisation adds workers to its own services only; one without an organisation administers all. */
export function administersService(actor: Actor, service: { organisationId: string }): boolean {
  return actor.role === 'admin' && (actor.organisationId === null || actor.organisationId === service.organisationId);
}
