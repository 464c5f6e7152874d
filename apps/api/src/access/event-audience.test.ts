import { planParts, type FamilyEventType, type Role } from '@yhdessa/shared';
import type { EventSubject } from '../core/event-subject';
import { eventAudienceOf } from './event-audience';
import type { FamilyRelation } from './family-relation.repository';
import { actor, ME, noRelation } from './policy-test-fixtures';

const base = noRelation;

/** Who hears an event: the rooms it goes to, met with the rooms each person's socket is in. */
function hears(role: Role, relation: FamilyRelation, type: FamilyEventType, subject?: EventSubject): boolean {
  return eventAudienceOf(actor(role), relation)(type, subject);
}

const coordinator = { ...base, coordinatorId: ME };
const guardian = { ...base, actorMember: { id: 'm', relation: 'guardian' as const } };
const workerWithGoals = { ...base, actorServiceRoleIds: ['role-mine'], consentedParts: ['goals' as const] };
const workerWithNotes = { ...base, actorServiceRoleIds: ['role-mine'], consentedParts: ['notes' as const] };
const workerWithMeasurements = { ...base, actorServiceRoleIds: ['role-mine'], consentedParts: ['measurements' as const] };
const workerWithEverything = { ...base, actorServiceRoleIds: ['role-mine'], consentedParts: [...planParts] };
const invitedWorker = { ...base, actorInvitedServiceRoleIds: ['role-mine'] };
const professionalsNote = (serviceRoleId: string | null): EventSubject => ({ visibility: 'professionals', serviceRoleId });
const familyNote = (serviceRoleId: string | null): EventSubject => ({ visibility: 'family', serviceRoleId });
const hiddenRole = (serviceRoleId: string): EventSubject => ({ serviceRoleId, serviceRoleHidden: true });
const hiddenNote = (serviceRoleId: string): EventSubject => ({ ...familyNote(serviceRoleId), serviceRoleHidden: true });

it.each<[string, Role, FamilyRelation, FamilyEventType, EventSubject | undefined, boolean]>([
  ['coordinator, a professionals-only note', 'coordinator', coordinator, 'note.created', professionalsNote('role-other'), true],
  ['guardian, a professionals-only note', 'family', guardian, 'note.created', professionalsNote(null), false],
  ['guardian, a note for the family', 'family', guardian, 'note.created', familyNote('role-other'), true],
  [
    "worker without notes consent, another role's note",
    'worker',
    workerWithGoals,
    'note.updated',
    familyNote('role-other'),
    false,
  ],
  [
    "worker without notes consent, own role's note",
    'worker',
    workerWithGoals,
    'note.created',
    professionalsNote('role-mine'),
    true,
  ],
  ['worker with notes consent, any note', 'worker', workerWithNotes, 'note.created', professionalsNote('role-other'), true],
  ['worker with goals consent, a goal', 'worker', workerWithGoals, 'goal.created', undefined, true],
  ['worker without goals consent, a goal', 'worker', workerWithNotes, 'goalProgress.created', undefined, false],
  ['worker without story consent, the story', 'worker', workerWithGoals, 'story.updated', undefined, false],
  ['guardian, the assessment', 'family', guardian, 'assessment.updated', undefined, true],
  ['guardian, a measurement', 'family', guardian, 'measurement.recorded', undefined, true],
  ['coordinator, a measurement', 'coordinator', coordinator, 'measurement.updated', undefined, true],
  ['worker with measurements consent, a measurement', 'worker', workerWithMeasurements, 'measurement.recorded', undefined, true],
  ['worker without measurements consent, a measurement', 'worker', workerWithGoals, 'measurement.recorded', undefined, false],
  ['worker, an action', 'worker', workerWithGoals, 'action.updated', undefined, true],
  ['guardian, a comment on a goal', 'family', guardian, 'goal.commented', undefined, true],
  ['worker with goals consent, a comment on a goal', 'worker', workerWithGoals, 'goal.commented', undefined, true],
  ['worker without goals consent, a comment on a goal', 'worker', workerWithNotes, 'goal.commented', undefined, false],
  ['invited worker, a comment on an action', 'worker', invitedWorker, 'action.commented', undefined, false],
  ['worker, a comment on an action', 'worker', workerWithNotes, 'action.commented', undefined, true],
  ['guardian, a comment on an action', 'family', guardian, 'action.commented', undefined, true],
  ['invited worker, anything', 'worker', invitedWorker, 'action.updated', undefined, false],
  ['manager, anything', 'manager', base, 'action.updated', undefined, false],
  ['coordinator, feedback answered', 'coordinator', coordinator, 'feedback.answered', undefined, true],
  ['guardian, feedback requested', 'family', guardian, 'feedback.requested', undefined, true],
  ['worker with every consent, feedback', 'worker', workerWithEverything, 'feedback.updated', undefined, false],
  ['coordinator, a programme enrolment', 'coordinator', coordinator, 'program.enrolled', undefined, true],
  ['guardian, a programme enrolment ended', 'family', guardian, 'program.ended', undefined, true],
  ['worker with every consent, a programme enrolment', 'worker', workerWithEverything, 'program.enrolled', undefined, false],
  // A role the family keeps from other services: its items reach the coordinator, the family and its own service only.
  [
    "worker with every consent, a hidden role's action",
    'worker',
    workerWithEverything,
    'action.updated',
    hiddenRole('role-other'),
    false,
  ],
  [
    "worker with every consent, a hidden role's note",
    'worker',
    workerWithEverything,
    'note.created',
    hiddenNote('role-other'),
    false,
  ],
  ['worker, the change of its own hidden role', 'worker', workerWithGoals, 'serviceRole.updated', hiddenRole('role-mine'), true],
  ['worker, a note of its own hidden role', 'worker', workerWithGoals, 'note.created', hiddenNote('role-mine'), true],
  ["coordinator, a hidden role's usage", 'coordinator', coordinator, 'usage.recorded', hiddenRole('role-other'), true],
  ["guardian, a hidden role's action", 'family', guardian, 'action.created', hiddenRole('role-other'), true],
  ["guardian, a hidden role's note for the family", 'family', guardian, 'note.created', hiddenNote('role-other'), true],
])('when the event reaches the %s, then it is heard: %#', (_label, role, relation, type, subject, expected) => {
  expect(hears(role, relation, type, subject)).toBe(expected);
});

describe('the subject of a change read again later (the activity feed)', () => {
  const keptFromOthers = (relation: FamilyRelation, ofActorsService = false): FamilyRelation => ({
    ...relation,
    hiddenServiceRoles: [{ id: 'role-hidden', ofActorsService }],
  });

  it.each<[string, Role, FamilyRelation, FamilyEventType, EventSubject, boolean]>([
    [
      'worker with every consent',
      'worker',
      keptFromOthers(workerWithEverything),
      'action.updated',
      { serviceRoleId: 'role-hidden' },
      false,
    ],
    [
      'worker with notes consent, a note',
      'worker',
      keptFromOthers(workerWithNotes),
      'note.created',
      familyNote('role-hidden'),
      false,
    ],
    ['coordinator', 'coordinator', keptFromOthers(coordinator), 'usage.recorded', { serviceRoleId: 'role-hidden' }, true],
    ['guardian', 'family', keptFromOthers(guardian), 'action.created', { serviceRoleId: 'role-hidden' }, true],
    [
      "the hidden role's own worker",
      'worker',
      keptFromOthers({ ...workerWithGoals, actorServiceRoleIds: ['role-hidden'] }, true),
      'action.updated',
      { serviceRoleId: 'role-hidden' },
      true,
    ],
  ])(
    "when the family keeps the item's role from other services and the %s asks, then the relation marks it hidden: %#",
    (_label, role, relation, type, subject, expected) => {
      expect(hears(role, relation, type, subject)).toBe(expected);
    },
  );
});
