import type { FamilyEvent } from '@yhdessa/shared';
import type { FamilyEventListener } from '../../http/mount-routes';
import { deliverNotifications } from './notification-delivery';
import { draftsOfEvent } from './notification-recipients';

/**
 * Called for every family event a route records, in its transaction: the notifications it gives
 * rise to commit with the change or not at all, and their readers' own sockets hear of them after.
 */
export const notifyOfFamilyEvent: FamilyEventListener = async (event: FamilyEvent, context) => {
  const drafts = await draftsOfEvent(event, context.actor, context.tx);
  if (drafts.length === 0) return;
  const readers = await deliverNotifications(
    drafts,
    { familyId: event.familyId, actorId: context.actor?.accountId ?? null },
    context.tx,
  );
  if (readers.length > 0) context.afterCommit(() => context.realtime.publishNotifications(readers, { change: 'created' }));
};
