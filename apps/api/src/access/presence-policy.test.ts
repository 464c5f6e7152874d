import type { Role } from '@yhdessa/shared';
import type { PresentSocket } from '../core/present-socket';
import { audienceRoomsOf } from './event-audience';
import type { FamilyRelation } from './family-relation.repository';
import { actor, noRelation } from './policy-test-fixtures';
import { presenceSeenBy, type PresenceFacts } from './presence-policy';

/** A person's socket in family `f`, in the rooms their relation opens (as a join puts it). */
function present(accountId: string, role: Role, relation: Partial<FamilyRelation>): PresentSocket {
  const rooms = audienceRoomsOf({ ...actor(role), accountId }, { ...noRelation, ...relation });
  return { accountId, name: `Name ${accountId}`, rooms: new Set([`socket-${accountId}`, `account:${accountId}`, ...rooms]) };
}

const coordinator = present('coord', 'coordinator', { coordinatorId: 'coord' });
const workerA = present('worker-a', 'worker', { actorServiceRoleIds: ['role-a'] });
const workerB = present('worker-b', 'worker', { actorServiceRoleIds: ['role-b'] });
const workerBAndShared = present('worker-b2', 'worker', { actorServiceRoleIds: ['role-b', 'role-shared'] });
const guardian = present('guardian', 'family', { actorMember: { id: 'm1', relation: 'guardian' } });
const child = present('child', 'family', { actorMember: { id: 'm2', relation: 'child' } });
/** A socket of someone who lost access: out of the family's rooms, still connected. */
const formerWorker = present('former', 'worker', {});

const facts = (over: Partial<PresenceFacts> = {}): PresenceFacts => ({
  hiddenServiceRoleIds: new Set(),
  accountsSeeingCoordinator: new Set(),
  ...over,
});
const seen = (reader: PresentSocket, all: PresentSocket[], given = facts()) => presenceSeenBy('f', reader, all, given, 1);
const names = (reader: PresentSocket, all: PresentSocket[], given = facts()) => {
  const presence = seen(reader, all, given);
  return presence?.audience === 'professional' ? presence.viewers.map((viewer) => viewer.accountId) : presence;
};

describe('presenceSeenBy', () => {
  it('when professionals and a family member look at the plan, then a professional sees the other professionals by name and role, and only that a family member is there', () => {
    expect(seen(workerA, [coordinator, workerA, guardian, workerB])).toEqual({
      audience: 'professional',
      familyId: 'f',
      at: 1,
      viewers: [
        { accountId: 'coord', name: 'Name coord', role: 'coordinator', serviceRoleIds: [] },
        { accountId: 'worker-b', name: 'Name worker-b', role: 'worker', serviceRoleIds: ['role-b'] },
      ],
      familyMemberViewing: true,
    });
  });

  it('when the same person has two tabs open, then they are one viewer, and the reader never sees themself', () => {
    expect(names(coordinator, [coordinator, coordinator, workerA, workerA])).toEqual(['worker-a']);
  });

  it.each<[string, PresentSocket, PresenceFacts, boolean]>([
    ['has not asked to be told', guardian, facts(), false],
    ['asked to be told', guardian, facts({ accountsSeeingCoordinator: new Set(['guardian']) }), true],
    ['is another member than the one who asked', child, facts({ accountsSeeingCoordinator: new Set(['guardian']) }), false],
  ])('when a family member who %s is there with the coordinator, then they are told so: %s', (_case, member, given, told) => {
    expect(seen(member, [coordinator, workerA, member], given)).toEqual({
      audience: 'family',
      familyId: 'f',
      at: 1,
      coordinatorViewing: told,
    });
  });

  it('when a family member who asked is there without the coordinator, then they are told no one is, and never of a worker', () => {
    const asked = facts({ accountsSeeingCoordinator: new Set(['guardian']) });
    expect(seen(guardian, [guardian, workerA, workerB], asked)).toMatchObject({ coordinatorViewing: false });
    expect(Object.keys(seen(guardian, [guardian, workerA], asked)!).sort()).toEqual([
      'at',
      'audience',
      'coordinatorViewing',
      'familyId',
    ]);
  });

  it('when a worker works only in a role the family keeps from other services, then only the coordinator and that service see them', () => {
    const hidden = facts({ hiddenServiceRoleIds: new Set(['role-b']) });
    const everyone = [coordinator, workerA, workerB, present('worker-b-too', 'worker', { actorServiceRoleIds: ['role-b'] })];
    expect(names(coordinator, everyone, hidden)).toEqual(['worker-a', 'worker-b', 'worker-b-too']);
    expect(names(workerA, everyone, hidden)).toEqual(['coord']);
    expect(names(workerB, everyone, hidden)).toEqual(['coord', 'worker-a', 'worker-b-too']);
  });

  it('when a worker has a hidden role and a role everyone knows, then others see them with the known role only', () => {
    const hidden = facts({ hiddenServiceRoleIds: new Set(['role-b']) });
    const presence = seen(workerA, [workerA, workerBAndShared], hidden);
    expect(presence).toMatchObject({ viewers: [{ accountId: 'worker-b2', serviceRoleIds: ['role-shared'] }] });
  });

  it('when a socket is no longer in the family’s room (it lost access), then it is not shown and is told nothing', () => {
    expect(names(coordinator, [coordinator, formerWorker])).toEqual([]);
    expect(seen(formerWorker, [coordinator, formerWorker])).toBeNull();
  });

  it('when the only family member there is the reader, then no family member is viewing for anyone else', () => {
    expect(seen(coordinator, [coordinator])).toMatchObject({ viewers: [], familyMemberViewing: false });
    expect(seen(coordinator, [coordinator, child])).toMatchObject({ familyMemberViewing: true });
  });
});
