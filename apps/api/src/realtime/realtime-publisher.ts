import type { FamilyEvent, NotificationsChanged } from '@yhdessa/shared';
import type { EventSubject } from '../core/event-subject';

/** What the rest of the API may tell connected clients. Called only after a commit. */
export interface RealtimePublisher {
  /**
   * Tells the sockets in the family that may see the item; when the change can end someone's
   * access, re-checks who stays in the family's rooms.
   */
  publishFamilyEvent(event: FamilyEvent, subject?: EventSubject): Promise<void>;
  /** Closes the sockets of ended sessions (sign-out) at once. */
  endSessionSockets(sessionIds: readonly string[]): Promise<void>;
  /** Closes every socket of an account (sign-out everywhere, a disabled account). */
  endAccountSockets(accountId: string): Promise<void>;
  /** Tells the readers' own sockets (every tab, every instance) that their notifications changed. */
  publishNotifications(accountIds: readonly string[], change: NotificationsChanged): Promise<void>;
  /** Tells everyone looking at the family's plan who is there again: what someone may be told of it changed. */
  refreshPresence(familyId: string): Promise<void>;
}

/** Event types after which someone may have lost access to the family. */
export const accessChangingEvents: ReadonlySet<FamilyEvent['type']> = new Set([
  'consent.changed',
  'serviceRole.ended',
  'serviceRole.declined',
  'serviceRole.updated',
  'handover.accepted',
]);
