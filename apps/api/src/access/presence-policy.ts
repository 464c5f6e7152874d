import type { Presence, PresenceViewer } from '@yhdessa/shared';
import type { PresentSocket } from '../core/present-socket';
import { standingInFamily } from './event-audience';

/** What presence is decided on besides the rooms: both change only with a committed change. */
export interface PresenceFacts {
  /** Service roles the family keeps from other services. */
  hiddenServiceRoleIds: ReadonlySet<string>;
  /** Family members' accounts that asked to be told when their coordinator is looking. */
  accountsSeeingCoordinator: ReadonlySet<string>;
}

/**
 * What `reader` may be told of who else is looking at the family's plan; null when the reader is
 * not in the family's room. Professionals see the coordinator and the workers they may know of
 * (a worker known only through roles the family keeps from other services is seen by the
 * coordinator and that service only, as its items are), and only whether a family member is
 * there. A family member sees only whether the coordinator is there, and only if they asked.
 */
export function presenceSeenBy(
  familyId: string,
  reader: PresentSocket,
  present: readonly PresentSocket[],
  facts: PresenceFacts,
  at: number,
): Presence | null {
  const own = standingInFamily(familyId, reader.rooms);
  if (!own) return null;
  const others = present.flatMap((socket) => {
    const standing = socket.accountId === reader.accountId ? null : standingInFamily(familyId, socket.rooms);
    return standing ? [{ socket, standing }] : [];
  });
  if (own.basis === 'family-member') {
    const coordinatorViewing =
      facts.accountsSeeingCoordinator.has(reader.accountId) && others.some(({ standing }) => standing.basis === 'coordinator');
    return { audience: 'family', familyId, at, coordinatorViewing };
  }
  const knows = (serviceRoleId: string) =>
    own.basis === 'coordinator' || !facts.hiddenServiceRoleIds.has(serviceRoleId) || own.serviceRoleIds.includes(serviceRoleId);
  const viewers = new Map<string, PresenceViewer>();
  for (const { socket, standing } of others) {
    if (standing.basis === 'family-member') continue;
    const serviceRoleIds = standing.serviceRoleIds.filter(knows).sort();
    if (standing.basis === 'service-role' && serviceRoleIds.length === 0) continue;
    const role = standing.basis === 'coordinator' ? 'coordinator' : 'worker';
    viewers.set(socket.accountId, { accountId: socket.accountId, name: socket.name, role, serviceRoleIds });
  }
  return {
    audience: 'professional',
    familyId,
    at,
    // The coordinator first, then by name: the same order on every screen.
    viewers: [...viewers.values()].sort(
      (a, b) => Number(b.role === 'coordinator') - Number(a.role === 'coordinator') || a.name.localeCompare(b.name, 'fi'),
    ),
    familyMemberViewing: others.some(({ standing }) => standing.basis === 'family-member'),
  };
}
