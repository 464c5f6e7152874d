import type { Role } from '@yhdessa/shared';
import {
  authorizeFamily,
  readableFeedbackAnswer,
  readableNotes,
  readableUsage,
  visiblePlanParts,
  type FamilyPermission,
  type FamilyTarget,
} from './family-policy';
import type { FamilyRelation } from './family-relation.repository';
import { actor, ME, noRelation } from './policy-test-fixtures';

const base = noRelation;

const relations = {
  coordinatorOfFamily: { ...base, coordinatorId: ME },
  workerWithRole: { ...base, actorServiceRoleIds: ['role-mine'], consentedParts: ['goals'] },
  workerWithNotes: { ...base, actorServiceRoleIds: ['role-mine'], consentedParts: ['notes'] },
  invitedWorker: { ...base, actorInvitedServiceRoleIds: ['role-invited'] },
  guardian: { ...base, actorMember: { id: 'm', relation: 'guardian' } },
  youngMember: { ...base, actorMember: { id: 'm', relation: 'child' } },
  handoverTarget: { ...base, handoverToId: ME },
  workerWithStory: { ...base, actorServiceRoleIds: ['role-mine'], consentedParts: ['story', 'assessment'] },
  workerWithMeasurements: { ...base, actorServiceRoleIds: ['role-mine'], consentedParts: ['measurements'] },
  // `role-hidden` is kept from other services; `role-mine` is hidden too, but it is the actor's own service's.
  workerBesideHiddenRole: {
    ...base,
    actorServiceRoleIds: ['role-mine'],
    consentedParts: ['notes'],
    hiddenServiceRoles: [
      { id: 'role-hidden', ofActorsService: false },
      { id: 'role-mine', ofActorsService: true },
    ],
  },
  coordinatorBesideHiddenRole: {
    ...base,
    coordinatorId: ME,
    hiddenServiceRoles: [{ id: 'role-hidden', ofActorsService: false }],
  },
  guardianBesideHiddenRole: {
    ...base,
    actorMember: { id: 'm', relation: 'guardian' },
    hiddenServiceRoles: [{ id: 'role-hidden', ofActorsService: false }],
  },
  none: base,
} satisfies Record<string, FamilyRelation>;

type Case = [Role, keyof typeof relations, FamilyPermission, FamilyTarget | undefined, string];

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
    ['coordinator', 'coordinatorOfFamily', 'service-role-visibility:change', undefined, 'allowed'],
    ['family', 'guardian', 'service-role-visibility:change', undefined, 'allowed'],
    ['family', 'youngMember', 'service-role-visibility:change', undefined, 'forbidden'],
    ['worker', 'workerWithRole', 'service-role-visibility:change', undefined, 'forbidden'],
    ['worker', 'invitedWorker', 'service-role-visibility:change', undefined, 'not_found'],
    // A role kept from the actor's service is not there for them; their own (hidden) role is.
    ['worker', 'workerBesideHiddenRole', 'note:read', { serviceRoleId: 'role-hidden' }, 'not_found'],
    ['worker', 'workerBesideHiddenRole', 'invitation:read', { serviceRoleId: 'role-hidden' }, 'not_found'],
    ['worker', 'workerBesideHiddenRole', 'action:update', { serviceRoleId: 'role-mine' }, 'allowed'],
    ['coordinator', 'coordinatorBesideHiddenRole', 'action:update', { serviceRoleId: 'role-hidden' }, 'allowed'],
    ['family', 'guardianBesideHiddenRole', 'note:read', { serviceRoleId: 'role-hidden' }, 'allowed'],
    ['worker', 'workerWithRole', 'service-role:end', undefined, 'forbidden'],
    ['family', 'guardian', 'service-role:end', undefined, 'forbidden'],
    ['family', 'guardian', 'access-log:read', undefined, 'allowed'],
    ['coordinator', 'coordinatorOfFamily', 'access-log:read', undefined, 'allowed'],
    ['worker', 'workerWithRole', 'access-log:read', undefined, 'forbidden'],
    ['coordinator', 'coordinatorOfFamily', 'member:invite', undefined, 'allowed'],
    ['coordinator', 'none', 'member:invite', undefined, 'not_found'],
    ['worker', 'workerWithRole', 'member:invite', undefined, 'forbidden'],
    ['family', 'guardian', 'member:invite', undefined, 'forbidden'],
    // goals: the family's words; services record progress only on goals shared with them
    ['family', 'guardian', 'goal:create', undefined, 'allowed'],
    ['family', 'youngMember', 'goal:create', undefined, 'allowed'],
    ['coordinator', 'coordinatorOfFamily', 'goal:create', undefined, 'allowed'],
    ['worker', 'workerWithRole', 'goal:create', undefined, 'forbidden'],
    ['coordinator', 'coordinatorOfFamily', 'goal:update', undefined, 'allowed'],
    ['family', 'guardian', 'goal:update', undefined, 'forbidden'],
    ['worker', 'workerWithRole', 'goal:update', undefined, 'forbidden'],
    ['worker', 'workerWithRole', 'goal-progress:create', undefined, 'allowed'],
    ['worker', 'workerWithNotes', 'goal-progress:create', undefined, 'forbidden'],
    ['family', 'guardian', 'goal-progress:create', undefined, 'allowed'],
    // service roles and invitations
    ['coordinator', 'coordinatorOfFamily', 'service-role:invite', undefined, 'allowed'],
    ['worker', 'workerWithRole', 'service-role:invite', undefined, 'forbidden'],
    ['worker', 'workerWithRole', 'service-role:update', { serviceRoleId: 'role-mine' }, 'allowed'],
    ['worker', 'workerWithRole', 'service-role:update', { serviceRoleId: 'role-other' }, 'forbidden'],
    ['coordinator', 'coordinatorOfFamily', 'service-role:update', { serviceRoleId: 'role-other' }, 'allowed'],
    ['family', 'guardian', 'service-role:update', { serviceRoleId: 'role-mine' }, 'forbidden'],
    ['worker', 'workerWithRole', 'service-role-dates:update', { serviceRoleId: 'role-mine' }, 'forbidden'],
    ['coordinator', 'coordinatorOfFamily', 'service-role-dates:update', { serviceRoleId: 'role-other' }, 'allowed'],
    ['family', 'guardian', 'service-role-dates:update', { serviceRoleId: 'role-mine' }, 'forbidden'],
    ['worker', 'workerWithRole', 'service-role-workers:read', { serviceRoleId: 'role-mine' }, 'allowed'],
    ['worker', 'workerWithRole', 'service-role-workers:read', { serviceRoleId: 'role-other' }, 'forbidden'],
    ['coordinator', 'coordinatorOfFamily', 'service-role-workers:read', { serviceRoleId: 'role-other' }, 'allowed'],
    ['family', 'guardian', 'service-role-workers:read', { serviceRoleId: 'role-mine' }, 'forbidden'],
    ['worker', 'invitedWorker', 'invitation:read', { serviceRoleId: 'role-invited' }, 'allowed'],
    ['worker', 'invitedWorker', 'invitation:read', { serviceRoleId: 'role-other' }, 'forbidden'],
    ['worker', 'invitedWorker', 'invitation:answer', { serviceRoleId: 'role-invited' }, 'allowed'],
    ['coordinator', 'coordinatorOfFamily', 'invitation:read', { serviceRoleId: 'role-invited' }, 'allowed'],
    ['coordinator', 'coordinatorOfFamily', 'invitation:answer', { serviceRoleId: 'role-invited' }, 'forbidden'],
    ['worker', 'workerWithRole', 'invitation:answer', { serviceRoleId: 'role-mine' }, 'forbidden'],
    ['family', 'guardian', 'invitation:read', { serviceRoleId: 'role-other' }, 'forbidden'],
    // a declined invitation: the coordinator and the family see it stay; other services are not told
    ['coordinator', 'coordinatorOfFamily', 'declined-invitation:read', undefined, 'allowed'],
    ['family', 'guardian', 'declined-invitation:read', undefined, 'allowed'],
    ['family', 'youngMember', 'declined-invitation:read', undefined, 'allowed'],
    ['worker', 'workerWithRole', 'declined-invitation:read', undefined, 'forbidden'],
    ['worker', 'invitedWorker', 'declined-invitation:read', undefined, 'not_found'],
    // an invited service sees only its invitation, nothing of the plan
    ['worker', 'invitedWorker', 'plan:read', undefined, 'not_found'],
    ['worker', 'invitedWorker', 'note:read', undefined, 'not_found'],
    ['worker', 'invitedWorker', 'consent:read', undefined, 'not_found'],
    ['worker', 'invitedWorker', 'action:update', { serviceRoleId: 'role-invited' }, 'not_found'],
    ['worker', 'invitedWorker', 'agenda:propose', undefined, 'not_found'],
    // actions
    ['worker', 'workerWithRole', 'action:create', { serviceRoleId: 'role-mine' }, 'allowed'],
    ['worker', 'workerWithRole', 'action:create', { serviceRoleId: 'role-other' }, 'forbidden'],
    ['family', 'guardian', 'action:create', { serviceRoleId: null }, 'allowed'],
    ['family', 'guardian', 'action:create', { serviceRoleId: 'role-mine' }, 'forbidden'],
    // notes
    ['worker', 'workerWithRole', 'note:create', { serviceRoleId: 'role-mine', visibility: 'professionals' }, 'allowed'],
    ['worker', 'workerWithRole', 'note:create', { serviceRoleId: 'role-other', visibility: 'family' }, 'forbidden'],
    ['worker', 'workerWithRole', 'note:create', { serviceRoleId: null, visibility: 'family' }, 'forbidden'],
    ['family', 'guardian', 'note:create', { serviceRoleId: null, visibility: 'family' }, 'allowed'],
    ['family', 'guardian', 'note:create', { serviceRoleId: null, visibility: 'professionals' }, 'forbidden'],
    [
      'coordinator',
      'coordinatorOfFamily',
      'note:create',
      { serviceRoleId: 'role-other', visibility: 'professionals' },
      'allowed',
    ],
    ['worker', 'workerWithRole', 'note:update', { authorId: 'acc-me' }, 'allowed'],
    ['coordinator', 'coordinatorOfFamily', 'note:update', { authorId: 'someone-else' }, 'forbidden'],
    // reviews and plan versions
    ['coordinator', 'coordinatorOfFamily', 'review:manage', undefined, 'allowed'],
    ['worker', 'workerWithRole', 'review:manage', undefined, 'forbidden'],
    ['family', 'guardian', 'review:manage', undefined, 'forbidden'],
    ['family', 'youngMember', 'agenda:propose', undefined, 'allowed'],
    ['worker', 'workerWithRole', 'agenda:propose', undefined, 'allowed'],
    ['worker', 'workerWithRole', 'review:read', undefined, 'allowed'],
    ['family', 'guardian', 'plan-version:read', undefined, 'allowed'],
    ['worker', 'none', 'plan-version:read', undefined, 'not_found'],
    // the case, its members and its handover
    ['coordinator', 'coordinatorOfFamily', 'family:update', undefined, 'allowed'],
    ['worker', 'workerWithRole', 'family:read', undefined, 'allowed'],
    ['worker', 'workerWithRole', 'family:update', undefined, 'forbidden'],
    ['family', 'guardian', 'family:update', undefined, 'forbidden'],
    ['family', 'guardian', 'family:reopen', undefined, 'forbidden'],
    ['coordinator', 'coordinatorOfFamily', 'handover:request', undefined, 'allowed'],
    ['coordinator', 'coordinatorOfFamily', 'handover:accept', undefined, 'forbidden'],
    ['coordinator', 'coordinatorOfFamily', 'handover:decline', undefined, 'allowed'],
    ['coordinator', 'handoverTarget', 'handover:read', undefined, 'allowed'],
    ['coordinator', 'handoverTarget', 'handover:accept', undefined, 'allowed'],
    ['coordinator', 'handoverTarget', 'handover:decline', undefined, 'allowed'],
    ['coordinator', 'handoverTarget', 'handover:request', undefined, 'not_found'],
    ['coordinator', 'coordinatorOfFamily', 'handover-candidates:read', undefined, 'allowed'],
    ['coordinator', 'handoverTarget', 'handover-candidates:read', undefined, 'not_found'],
    ['worker', 'workerWithRole', 'handover-candidates:read', undefined, 'forbidden'],
    ['coordinator', 'handoverTarget', 'plan:read', undefined, 'not_found'],
    ['coordinator', 'handoverTarget', 'family:read', undefined, 'not_found'],
    ['coordinator', 'handoverTarget', 'story:read', undefined, 'not_found'],
    ['coordinator', 'handoverTarget', 'consent:read', undefined, 'not_found'],
    ['worker', 'handoverTarget', 'handover:accept', undefined, 'not_found'],
    ['family', 'guardian', 'handover:read', undefined, 'forbidden'],
    // the story and the joint assessment
    ['coordinator', 'coordinatorOfFamily', 'story:read', undefined, 'allowed'],
    ['coordinator', 'coordinatorOfFamily', 'story:update', undefined, 'allowed'],
    ['family', 'youngMember', 'story:read', undefined, 'allowed'],
    ['family', 'guardian', 'story:update', undefined, 'forbidden'],
    ['family', 'guardian', 'story:comment', undefined, 'allowed'],
    ['coordinator', 'coordinatorOfFamily', 'story:comment', undefined, 'forbidden'],
    ['coordinator', 'coordinatorOfFamily', 'story:resolve-comment', undefined, 'allowed'],
    ['family', 'guardian', 'story:resolve-comment', undefined, 'forbidden'],
    ['worker', 'workerWithRole', 'story:read', undefined, 'forbidden'],
    ['worker', 'workerWithStory', 'story:read', undefined, 'allowed'],
    ['worker', 'workerWithStory', 'story:update', undefined, 'forbidden'],
    ['worker', 'workerWithRole', 'assessment:read', undefined, 'forbidden'],
    ['worker', 'workerWithStory', 'assessment:read', undefined, 'allowed'],
    ['family', 'guardian', 'assessment:read', undefined, 'allowed'],
    ['coordinator', 'coordinatorOfFamily', 'assessment:write', undefined, 'allowed'],
    ['worker', 'workerWithStory', 'assessment:write', undefined, 'forbidden'],
    ['family', 'guardian', 'assessment:write', undefined, 'forbidden'],
    // the family's wellbeing meter: the family's own, read by services only with consent
    ['family', 'guardian', 'measurement:read', undefined, 'allowed'],
    ['family', 'youngMember', 'measurement:read', undefined, 'allowed'],
    ['coordinator', 'coordinatorOfFamily', 'measurement:read', undefined, 'allowed'],
    ['worker', 'workerWithMeasurements', 'measurement:read', undefined, 'allowed'],
    ['worker', 'workerWithStory', 'measurement:read', undefined, 'forbidden'],
    ['worker', 'invitedWorker', 'measurement:read', undefined, 'not_found'],
    ['manager', 'coordinatorOfFamily', 'measurement:read', undefined, 'not_found'],
    ['family', 'guardian', 'measurement:record', undefined, 'allowed'],
    ['family', 'youngMember', 'measurement:record', undefined, 'allowed'],
    ['coordinator', 'coordinatorOfFamily', 'measurement:record', undefined, 'forbidden'],
    ['worker', 'workerWithMeasurements', 'measurement:record', undefined, 'forbidden'],
    ['family', 'guardian', 'measurement:correct', { authorId: 'acc-me' }, 'allowed'],
    ['family', 'youngMember', 'measurement:correct', { authorId: 'someone-else' }, 'forbidden'],
    ['coordinator', 'coordinatorOfFamily', 'measurement:correct', { authorId: 'acc-me' }, 'forbidden'],
    ['worker', 'workerWithMeasurements', 'measurement:correct', { authorId: 'acc-me' }, 'forbidden'],
    // service usage: a service records on its own role only; the family sees no prices
    ['coordinator', 'coordinatorOfFamily', 'usage:record', { serviceRoleId: 'role-other' }, 'allowed'],
    ['worker', 'workerWithRole', 'usage:record', { serviceRoleId: 'role-mine' }, 'allowed'],
    ['worker', 'workerWithRole', 'usage:record', { serviceRoleId: 'role-other' }, 'forbidden'],
    ['worker', 'invitedWorker', 'usage:record', { serviceRoleId: 'role-invited' }, 'not_found'],
    ['family', 'guardian', 'usage:record', { serviceRoleId: 'role-mine' }, 'forbidden'],
    ['coordinator', 'handoverTarget', 'usage:record', { serviceRoleId: 'role-other' }, 'not_found'],
    ['manager', 'coordinatorOfFamily', 'usage:record', { serviceRoleId: 'role-other' }, 'not_found'],
    ['coordinator', 'coordinatorOfFamily', 'usage:read', undefined, 'allowed'],
    ['worker', 'workerWithRole', 'usage:read', undefined, 'allowed'],
    ['family', 'guardian', 'usage:read', undefined, 'forbidden'],
    ['family', 'youngMember', 'usage:read', undefined, 'forbidden'],
    ['admin', 'coordinatorOfFamily', 'usage:read', undefined, 'not_found'],
    ['family', 'guardian', 'usage-summary:read', undefined, 'allowed'],
    ['family', 'youngMember', 'usage-summary:read', undefined, 'allowed'],
    ['coordinator', 'coordinatorOfFamily', 'usage-summary:read', undefined, 'forbidden'],
    ['worker', 'workerWithRole', 'usage-summary:read', undefined, 'forbidden'],
    // feedback: the family's experience; a service never reads it, only the family answers it
    ['family', 'youngMember', 'feedback:read', undefined, 'allowed'],
    ['coordinator', 'coordinatorOfFamily', 'feedback:read', undefined, 'allowed'],
    ['worker', 'workerWithNotes', 'feedback:read', undefined, 'forbidden'],
    ['coordinator', 'handoverTarget', 'feedback:read', undefined, 'not_found'],
    ['manager', 'coordinatorOfFamily', 'feedback:read', undefined, 'not_found'],
    ['family', 'youngMember', 'feedback:answer', undefined, 'allowed'],
    ['coordinator', 'coordinatorOfFamily', 'feedback:answer', undefined, 'forbidden'],
    ['worker', 'workerWithRole', 'feedback:answer', undefined, 'forbidden'],
    ['family', 'guardian', 'feedback-permission:change', { authorId: 'acc-me' }, 'allowed'],
    ['family', 'guardian', 'feedback-permission:change', { authorId: 'someone-else' }, 'forbidden'],
    ['coordinator', 'coordinatorOfFamily', 'feedback-permission:change', { authorId: 'acc-me' }, 'forbidden'],
    // programme enrolments: between the family and its coordinator; a guardian may withdraw the consent
    ['coordinator', 'coordinatorOfFamily', 'program-enrolment:read', undefined, 'allowed'],
    ['family', 'youngMember', 'program-enrolment:read', undefined, 'allowed'],
    ['worker', 'workerWithNotes', 'program-enrolment:read', undefined, 'forbidden'],
    ['manager', 'coordinatorOfFamily', 'program-enrolment:read', undefined, 'not_found'],
    ['coordinator', 'coordinatorOfFamily', 'program-enrolment:enrol', undefined, 'allowed'],
    ['family', 'guardian', 'program-enrolment:enrol', undefined, 'forbidden'],
    ['coordinator', 'coordinatorOfFamily', 'program-enrolment:end', undefined, 'allowed'],
    ['worker', 'workerWithRole', 'program-enrolment:end', undefined, 'forbidden'],
    ['family', 'guardian', 'program-consent:withdraw', undefined, 'allowed'],
    ['family', 'youngMember', 'program-consent:withdraw', undefined, 'forbidden'],
    ['coordinator', 'coordinatorOfFamily', 'program-consent:withdraw', undefined, 'allowed'],
    ['coordinator', 'handoverTarget', 'program-consent:withdraw', undefined, 'not_found'],
    // presence: each family member's own choice; professionals have none to make
    ['family', 'youngMember', 'presence-preference:read', undefined, 'allowed'],
    ['family', 'guardian', 'presence-preference:change', undefined, 'allowed'],
    ['coordinator', 'coordinatorOfFamily', 'presence-preference:read', undefined, 'forbidden'],
    ['worker', 'workerWithRole', 'presence-preference:change', undefined, 'forbidden'],
    ['worker', 'invitedWorker', 'presence-preference:read', undefined, 'not_found'],
    ['family', 'none', 'presence-preference:change', undefined, 'not_found'],
  ])('%s with relation %s asking %s %j: %s', (role, relationKey, permission, target, expected) => {
    const decision = authorizeFamily(actor(role), permission, relations[relationKey], target);
    expect(decision.allowed ? 'allowed' : decision.reason).toBe(expected);
  });

  it.each<[Role, keyof typeof relations, FamilyPermission, { serviceRoleId: string | null } | undefined]>([
    ['coordinator', 'coordinatorOfFamily', 'action:update', { serviceRoleId: null }],
    ['worker', 'workerWithRole', 'action:update', { serviceRoleId: 'role-mine' }],
    ['family', 'guardian', 'consent:change', undefined],
    ['coordinator', 'coordinatorOfFamily', 'member:invite', undefined],
    ['coordinator', 'coordinatorOfFamily', 'family:update', undefined],
    ['coordinator', 'coordinatorOfFamily', 'story:update', undefined],
    ['coordinator', 'coordinatorOfFamily', 'assessment:write', undefined],
    ['coordinator', 'handoverTarget', 'handover:accept', undefined],
    ['family', 'guardian', 'story:comment', undefined],
    ['family', 'youngMember', 'measurement:record', undefined],
    ['coordinator', 'coordinatorOfFamily', 'usage:record', { serviceRoleId: 'role-other' }],
    ['worker', 'workerWithRole', 'usage:record', { serviceRoleId: 'role-mine' }],
    ['coordinator', 'coordinatorOfFamily', 'program-enrolment:enrol', undefined],
    ['coordinator', 'coordinatorOfFamily', 'program-enrolment:end', undefined],
  ])('when the case is closed, %s with %s may not %s', (role, relationKey, permission, target) => {
    const decision = authorizeFamily(actor(role), permission, { ...relations[relationKey], status: 'closed' }, target);
    expect(decision).toMatchObject({ allowed: false, reason: 'case_closed' });
  });

  it('when the case is closed, its coordinator may still reopen it', () => {
    expect(
      authorizeFamily(actor('coordinator'), 'family:reopen', { ...relations.coordinatorOfFamily, status: 'closed' }).allowed,
    ).toBe(true);
  });

  it.each<[FamilyPermission, FamilyTarget | undefined]>([
    ['feedback:answer', undefined],
    ['feedback-permission:change', { authorId: 'acc-me' }],
    ['program-consent:withdraw', undefined],
    ['presence-preference:change', undefined],
  ])('when the case is closed, the family may still %s: its closing request is asked then', (permission, target) => {
    expect(authorizeFamily(actor('family'), permission, { ...relations.guardian, status: 'closed' }, target).allowed).toBe(true);
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
    ['worker', 'workerWithMeasurements', ['measurements']],
    ['worker', 'none', []],
    ['coordinator', 'handoverTarget', []],
    ['manager', 'coordinatorOfFamily', []],
  ])('%s with relation %s sees %j', (role, relationKey, parts) => {
    expect([...visiblePlanParts(actor(role), relations[relationKey])].sort()).toEqual([...parts].sort());
  });
});

describe('readableNotes', () => {
  it.each<[Role, keyof typeof relations, ReturnType<typeof readableNotes>]>([
    ['coordinator', 'coordinatorOfFamily', { visibility: 'any', serviceRoleIds: 'any', hiddenServiceRoleIds: [] }],
    ['coordinator', 'coordinatorBesideHiddenRole', { visibility: 'any', serviceRoleIds: 'any', hiddenServiceRoleIds: [] }],
    ['family', 'guardian', { visibility: 'family', serviceRoleIds: 'any', hiddenServiceRoleIds: [] }],
    ['family', 'guardianBesideHiddenRole', { visibility: 'family', serviceRoleIds: 'any', hiddenServiceRoleIds: [] }],
    ['worker', 'workerWithNotes', { visibility: 'any', serviceRoleIds: 'any', hiddenServiceRoleIds: [] }],
    ['worker', 'workerBesideHiddenRole', { visibility: 'any', serviceRoleIds: 'any', hiddenServiceRoleIds: ['role-hidden'] }],
    ['worker', 'workerWithRole', { visibility: 'any', serviceRoleIds: ['role-mine'], hiddenServiceRoleIds: [] }],
    ['worker', 'invitedWorker', { visibility: 'family', serviceRoleIds: [], hiddenServiceRoleIds: [] }],
  ])('%s with relation %s reads notes %j', (role, relationKey, scope) => {
    expect(readableNotes(actor(role), relations[relationKey])).toEqual(scope);
  });
});

describe('readableUsage', () => {
  it.each<[Role, keyof typeof relations, ReturnType<typeof readableUsage>]>([
    ['coordinator', 'coordinatorOfFamily', 'any'],
    ['worker', 'workerWithRole', ['role-mine']],
    ['worker', 'invitedWorker', []],
    ['family', 'guardian', []],
    ['coordinator', 'handoverTarget', []],
    ['manager', 'coordinatorOfFamily', []],
  ])('%s with relation %s reads the usage of %j', (role, relationKey, scope) => {
    expect(readableUsage(actor(role), relations[relationKey])).toEqual(scope);
  });
});

describe('readableFeedbackAnswer', () => {
  it.each<[Role, keyof typeof relations, boolean, boolean]>([
    ['family', 'youngMember', false, true],
    ['coordinator', 'coordinatorOfFamily', true, true],
    ['coordinator', 'coordinatorOfFamily', false, false],
    ['worker', 'workerWithNotes', true, false],
    ['coordinator', 'handoverTarget', true, false],
    ['manager', 'coordinatorOfFamily', true, false],
  ])('%s with relation %s, the coordinator may see: %s, reads the answer: %s', (role, relationKey, coordinatorMaySee, reads) => {
    expect(readableFeedbackAnswer(actor(role), relations[relationKey], { coordinatorMaySee })).toBe(reads);
  });
});
