import type { Role } from '@yhdessa/shared';
import type { Actor } from '../http/request-context';
import { authorizeFamily, visiblePlanParts, type FamilyPermission } from './family-policy';
import type { FamilyRelation } from './family-relation.repository';

const ME = 'acc-me';
const actor = (role: Role): Actor => ({
  accountId: ME,
  sessionId: 's',
  name: 'n',
  email: 'e',
  role,
  organisationId: null,
  serviceIds: [],
});

const base: FamilyRelation = {
  familyId: 'f',
  status: 'active',
  coordinatorId: 'someone-else',
  actorServiceRoleIds: [],
  consentedParts: [],
  actorMember: null,
};
const relations = {
  coordinatorOfFamily: { ...base, coordinatorId: ME },
  workerWithRole: { ...base, actorServiceRoleIds: ['role-mine'], consentedParts: ['goals'] },
  guardian: { ...base, actorMember: { id: 'm', relation: 'guardian' } },
  youngMember: { ...base, actorMember: { id: 'm', relation: 'child' } },
  none: base,
} satisfies Record<string, FamilyRelation>;

type Case = [Role, keyof typeof relations, FamilyPermission, { serviceRoleId: string | null } | undefined, string];

describe('authorizeFamily', () => {
  it.each<Case>([
    // role, relation, permission, target, expected
    ['coordinator', 'coordinatorOfFamily', 'plan:read', undefined, 'allowed'],
    ['coordinator', 'none', 'plan:read', undefined, 'not_found'],
    ['worker', 'workerWithRole', 'plan:read', undefined, 'allowed'],
    ['worker', 'none', 'plan:read', undefined, 'not_found'],
    ['family', 'guardian', 'plan:read', undefined, 'allowed'],
    ['family', 'youngMember', 'plan:read', undefined, 'allowed'],
    ['family', 'none', 'plan:read', undefined, 'not_found'],
    ['manager', 'coordinatorOfFamily', 'plan:read', undefined, 'not_found'],
    ['admin', 'coordinatorOfFamily', 'plan:read', undefined, 'not_found'],
    ['coordinator', 'coordinatorOfFamily', 'action:update', { serviceRoleId: 'role-other' }, 'allowed'],
    ['coordinator', 'coordinatorOfFamily', 'action:update', { serviceRoleId: null }, 'allowed'],
    ['worker', 'workerWithRole', 'action:update', { serviceRoleId: 'role-mine' }, 'allowed'],
    ['worker', 'workerWithRole', 'action:update', { serviceRoleId: 'role-other' }, 'forbidden'],
    ['worker', 'workerWithRole', 'action:update', { serviceRoleId: null }, 'forbidden'],
    ['family', 'guardian', 'action:update', { serviceRoleId: null }, 'allowed'],
    ['family', 'guardian', 'action:update', { serviceRoleId: 'role-mine' }, 'forbidden'],
    ['family', 'youngMember', 'action:update', { serviceRoleId: null }, 'allowed'],
    ['coordinator', 'coordinatorOfFamily', 'consent:read', undefined, 'allowed'],
    ['worker', 'workerWithRole', 'consent:read', undefined, 'forbidden'],
    ['family', 'youngMember', 'consent:read', undefined, 'allowed'],
    ['family', 'guardian', 'consent:change', undefined, 'allowed'],
    ['family', 'youngMember', 'consent:change', undefined, 'forbidden'],
    ['coordinator', 'coordinatorOfFamily', 'consent:change', undefined, 'forbidden'],
    ['worker', 'workerWithRole', 'consent:change', undefined, 'forbidden'],
    ['coordinator', 'coordinatorOfFamily', 'service-role:end', undefined, 'allowed'],
    ['worker', 'workerWithRole', 'service-role:end', undefined, 'forbidden'],
    ['family', 'guardian', 'service-role:end', undefined, 'forbidden'],
    ['family', 'guardian', 'access-log:read', undefined, 'allowed'],
    ['coordinator', 'coordinatorOfFamily', 'access-log:read', undefined, 'allowed'],
    ['worker', 'workerWithRole', 'access-log:read', undefined, 'forbidden'],
  ])('%s with relation %s asking %s %j: %s', (role, relationKey, permission, target, expected) => {
    const decision = authorizeFamily(actor(role), permission, relations[relationKey], target);
    expect(decision.allowed ? 'allowed' : decision.reason).toBe(expected);
  });

  it.each<[Role, keyof typeof relations, FamilyPermission, { serviceRoleId: string | null } | undefined]>([
    ['coordinator', 'coordinatorOfFamily', 'action:update', { serviceRoleId: null }],
    ['worker', 'workerWithRole', 'action:update', { serviceRoleId: 'role-mine' }],
    ['family', 'guardian', 'consent:change', undefined],
  ])('when the case is closed, %s with %s may not %s', (role, relationKey, permission, target) => {
    const decision = authorizeFamily(actor(role), permission, { ...relations[relationKey], status: 'closed' }, target);
    expect(decision).toMatchObject({ allowed: false, reason: 'case_closed' });
  });

  it('when the case is closed, reading is still allowed', () => {
    expect(
      authorizeFamily(actor('coordinator'), 'plan:read', { ...relations.coordinatorOfFamily, status: 'closed' }).allowed,
    ).toBe(true);
  });
});

describe('visiblePlanParts', () => {
  it.each<[Role, keyof typeof relations, string[]]>([
    ['coordinator', 'coordinatorOfFamily', ['story', 'assessment', 'goals', 'notes', 'measurements']],
    ['family', 'guardian', ['story', 'assessment', 'goals', 'notes', 'measurements']],
    ['worker', 'workerWithRole', ['goals']],
    ['worker', 'none', []],
    ['manager', 'coordinatorOfFamily', []],
  ])('%s with relation %s sees %j', (role, relationKey, parts) => {
    expect([...visiblePlanParts(actor(role), relations[relationKey])].sort()).toEqual([...parts].sort());
  });
});
