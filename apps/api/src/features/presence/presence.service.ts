import type { FamilyParams, PresencePreference } from '@yhdessa/shared';
import { requireFamilyPermission } from '../../access/require-family-permission';
import type { RouteContext } from '../../http/route';
import { findPresencePreference, setPresencePreference } from './presence.repository';

type FamilyContext = RouteContext<{ kind: 'family' }>;

/** The member record of the family member asking: the permission lets only a family member through. */
function memberIdOf(context: FamilyContext): string {
  return context.family.relation.actorMember!.id;
}

export async function readPresencePreference({ familyId }: FamilyParams, context: FamilyContext): Promise<PresencePreference> {
  const basis = requireFamilyPermission(context, 'presence-preference:read', { resource: 'family-member', resourceId: familyId });
  const memberId = memberIdOf(context);
  const seesCoordinatorPresence = await findPresencePreference(familyId, memberId, context.tx);
  await context.audit({ familyId, action: 'read', resource: 'family-member', resourceId: memberId, outcome: 'allowed', basis });
  return { seesCoordinatorPresence };
}

/** A family member turns on or off being told when their coordinator is looking; their open screens follow at once. */
export async function changePresencePreference(
  { familyId }: FamilyParams,
  { seesCoordinatorPresence }: PresencePreference,
  context: FamilyContext,
): Promise<PresencePreference> {
  const basis = requireFamilyPermission(context, 'presence-preference:change', {
    resource: 'family-member',
    resourceId: familyId,
  });
  const memberId = memberIdOf(context);
  await setPresencePreference(familyId, memberId, seesCoordinatorPresence, context.tx);
  await context.audit({
    familyId,
    action: 'update',
    resource: 'family-member',
    resourceId: memberId,
    outcome: 'allowed',
    basis,
    detail: { seesCoordinatorPresence },
  });
  context.afterCommit(() => context.realtime.refreshPresence(familyId));
  return { seesCoordinatorPresence };
}
