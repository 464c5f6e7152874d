import type { FamilyMemberDetail, MemberParams, NewMember, UpdateMember } from '@yhdessa/shared';
import { requireFamilyPermission } from '../../access/require-family-permission';
import { AppError, notFound } from '../../core/app-error';
import type { RouteContext } from '../../http/route';
import { presentMember } from './family.presenter';
import { findMember, insertMember, updateMemberAt } from './families.repository';

type FamilyContext = RouteContext<{ kind: 'family' }>;

const forbiddenDetail = 'Only the coordinator can change the members of the case.';

export async function addMember(familyId: string, member: NewMember, context: FamilyContext): Promise<FamilyMemberDetail> {
  const basis = requireFamilyPermission(context, 'family:update', {
    resource: 'family-member',
    resourceId: familyId,
    forbiddenDetail,
  });
  const row = await insertMember(familyId, member, context.tx);
  await context.audit({ familyId, action: 'create', resource: 'family-member', resourceId: row.id, outcome: 'allowed', basis });
  await context.recordFamilyEvent({ type: 'member.created', familyId, id: row.id, version: row.version });
  return presentMember(row);
}

export async function updateMember(
  { familyId, memberId }: MemberParams,
  change: UpdateMember,
  context: FamilyContext,
): Promise<FamilyMemberDetail> {
  const { tx } = context;
  const member = await findMember(familyId, memberId, tx);
  if (!member) throw notFound('family member');
  const basis = requireFamilyPermission(context, 'family:update', {
    resource: 'family-member',
    resourceId: memberId,
    forbiddenDetail,
  });
  const { version, ...fields } = change;
  const updated = member.version === version ? await updateMemberAt(familyId, memberId, version, fields, tx) : null;
  if (!updated) {
    const current = (await findMember(familyId, memberId, tx)) ?? member;
    throw new AppError('version_conflict', 'The member changed after you loaded it. Check the current state and try again.', {
      current: presentMember(current),
    });
  }
  await context.audit({
    familyId,
    action: 'update',
    resource: 'family-member',
    resourceId: memberId,
    outcome: 'allowed',
    basis,
    detail: { fields: Object.keys(fields) },
  });
  await context.recordFamilyEvent({ type: 'member.updated', familyId, id: memberId, version: updated.version });
  return presentMember(updated);
}
