import type { CurrentUser } from '@yhdessa/shared';
import type { Actor } from '../../core/actor';

export function presentCurrentUser(actor: Actor): CurrentUser {
  return {
    id: actor.accountId,
    email: actor.email,
    name: actor.name,
    role: actor.role,
    organisationId: actor.organisationId,
    serviceIds: actor.serviceIds,
    secondFactor: actor.secondFactor,
  };
}
