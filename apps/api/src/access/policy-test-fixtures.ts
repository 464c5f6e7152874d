import type { Role } from '@yhdessa/shared';
import type { Actor } from '../core/actor';
import type { FamilyRelation } from './family-relation.repository';

/** The actor the policy tables ask about, and a relation to a family with nothing in it. */
export const ME = 'acc-me';

export const actor = (role: Role): Actor => ({
  accountId: ME,
  sessionId: 's',
  name: 'n',
  email: 'e',
  role,
  organisationId: null,
  serviceIds: [],
  secondFactor: 'done',
});

export const noRelation: FamilyRelation = {
  familyId: 'f',
  status: 'active',
  coordinatorId: 'someone-else',
  handoverToId: null,
  actorServiceRoleIds: [],
  actorInvitedServiceRoleIds: [],
  consentedParts: [],
  hiddenServiceRoles: [],
  actorMember: null,
};
