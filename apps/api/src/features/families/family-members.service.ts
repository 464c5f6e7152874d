import type { FamilyMemberDetail, MemberParams, NewMember, UpdateMember } from '@yhdessa/shared';
import { requireFamilyPermission } from '../../access/require-family-permission';
import { changeVersioned } from '../../http/versioned-change';
import { notFound } from '../../core/app-error';
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
  const updated = await changeVersioned(context, {
    familyId,
    resource: 'family-member',
    resourceId: memberId,
    versionNow: member.version,
    basedOn: version,
    update: () => updateMemberAt(familyId, memberId, version, fields, tx),
    current: async () => presentMember((await findMember(familyId, memberId, tx)) ?? member),
    basis,
    detail: () => ({ fields: Object.keys(fields) }),
    event: 'member.updated',
  });
  return presentMember(updated);
}
