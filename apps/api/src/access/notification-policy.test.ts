import type { NotificationKind, Role } from '@yhdessa/shared';
import type { FamilyRelation } from './family-relation.repository';
import { notificationVisible, type NotificationSubject } from './notification-policy';
import { actor, ME, noRelation } from './policy-test-fixtures';

const base = noRelation;
const relations = {
  coordinator: { ...base, coordinatorId: ME },
  worker: { ...base, actorServiceRoleIds: ['role-mine'], consentedParts: ['goals'] },
  workerWithoutGoals: { ...base, actorServiceRoleIds: ['role-mine'] },
  workerBesideHiddenRole: {
    ...base,
    actorServiceRoleIds: ['role-mine'],
    hiddenServiceRoles: [{ id: 'role-hidden', ofActorsService: false }],
  },
  invitedWorker: { ...base, actorInvitedServiceRoleIds: ['role-mine'] },
  guardian: { ...base, actorMember: { id: 'm', relation: 'guardian' } },
  handoverTarget: { ...base, handoverToId: ME },
  none: base,
} satisfies Record<string, FamilyRelation>;

type Case = [Role, keyof typeof relations, NotificationKind, Omit<NotificationSubject, 'kind'>, boolean];

describe('notificationVisible', () => {
  it.each<Case>([
    // role, relation, kind, subject, visible
    ['worker', 'worker', 'actionAssigned', { serviceRoleId: 'role-mine' }, true],
    ['worker', 'none', 'actionAssigned', { serviceRoleId: 'role-mine' }, false],
    ['worker', 'workerBesideHiddenRole', 'actionOverdue', { serviceRoleId: 'role-hidden' }, false],
    ['worker', 'workerBesideHiddenRole', 'actionOverdue', { serviceRoleId: 'role-mine' }, true],
    ['family', 'guardian', 'actionAssigned', { serviceRoleId: null }, true],
    ['worker', 'worker', 'commentAdded', { serviceRoleId: null, commentOn: 'goal' }, true],
    ['worker', 'workerWithoutGoals', 'commentAdded', { serviceRoleId: null, commentOn: 'goal' }, false],
    ['worker', 'worker', 'commentAdded', { serviceRoleId: null, commentOn: 'story' }, false],
    ['worker', 'workerBesideHiddenRole', 'commentAdded', { serviceRoleId: 'role-hidden', commentOn: 'action' }, false],
    ['coordinator', 'coordinator', 'commentAdded', { serviceRoleId: null, commentOn: 'story' }, true],
    ['coordinator', 'coordinator', 'commentAdded', { serviceRoleId: null }, false],
    ['worker', 'worker', 'serviceRoleChanged', { serviceRoleId: 'role-mine' }, true],
    // The role ended: the family is closed to the service, but it hears that its own part ended.
    ['worker', 'none', 'serviceRoleChanged', { serviceRoleId: 'role-mine' }, false],
    ['worker', 'none', 'serviceRoleChanged', { serviceRoleId: 'role-mine', roleEnded: { readerInRolesService: true } }, true],
    ['worker', 'none', 'serviceRoleChanged', { serviceRoleId: 'role-x', roleEnded: { readerInRolesService: false } }, false],
    ['worker', 'invitedWorker', 'invitationReceived', { serviceRoleId: 'role-mine' }, true],
    ['worker', 'invitedWorker', 'reviewScheduled', { serviceRoleId: null }, false],
    ['worker', 'none', 'invitationReceived', { serviceRoleId: 'role-mine' }, false],
    ['coordinator', 'coordinator', 'invitationAnswered', { serviceRoleId: 'role-x' }, true],
    ['coordinator', 'handoverTarget', 'handoverRequested', { serviceRoleId: null }, true],
    ['coordinator', 'none', 'handoverRequested', { serviceRoleId: null }, false],
    ['family', 'guardian', 'reviewCompleted', { serviceRoleId: null }, true],
    ['coordinator', 'handoverTarget', 'reviewCompleted', { serviceRoleId: null }, false],
    ['coordinator', 'coordinator', 'consentChanged', { serviceRoleId: 'role-x' }, true],
    ['worker', 'worker', 'consentChanged', { serviceRoleId: 'role-mine' }, true],
    ['worker', 'worker', 'consentChanged', { serviceRoleId: 'role-x' }, false],
    ['worker', 'worker', 'consentChanged', { serviceRoleId: null }, false],
  ])('%s with relation %s: %s about %j is visible: %s', (role, relation, kind, subject, expected) => {
    expect(notificationVisible(actor(role), relations[relation], { kind, ...subject })).toBe(expected);
  });
});
