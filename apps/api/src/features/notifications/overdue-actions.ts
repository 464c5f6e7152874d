import type { Logger } from 'pino';
import { startPeriodicJob } from '../../core/periodic-job';
import type { Database } from '../../db/database';
import type { RealtimePublisher } from '../../realtime/realtime-publisher';
import { deliverNotifications } from './notification-delivery';
import { listActionsFallenOverdueOfAllFamilies } from './notification-facts.repository';
import { ownersOfAction } from './notification-recipients';

const HOUR_MS = 60 * 60 * 1000;
/** A job that did not run for a while still tells of what fell overdue meanwhile; older news is left out. */
export const OVERDUE_NEWS_DAYS = 7;

/**
 * Tells whoever does each action that fell overdue: once per action and due date (a unique index
 * holds it, across runs and instances), so running again, or on another instance, tells no one twice.
 * Returns how many readers were told.
 */
export async function notifyOverdueActions(database: Database, realtime: Pick<RealtimePublisher, 'publishNotifications'>) {
  const readers = await database.db.transaction(async (tx) => {
    const told = new Set<string>();
    for (const action of await listActionsFallenOverdueOfAllFamilies(OVERDUE_NEWS_DAYS, tx)) {
      const { dueOn } = action;
      if (!dueOn) continue;
      const drafts = [
        {
          kind: 'actionOverdue' as const,
          itemId: action.id,
          serviceRoleId: action.serviceRoleId,
          details: { title: action.title, serviceName: action.serviceName, dueOn },
          recipients: await ownersOfAction(action, tx),
          occasion: dueOn,
        },
      ];
      for (const accountId of await deliverNotifications(drafts, { familyId: action.familyId, actorId: null }, tx))
        told.add(accountId);
    }
    return [...told];
  });
  if (readers.length > 0) await realtime.publishNotifications(readers, { change: 'created' });
  return readers.length;
}

/** At start and then every hour, so an action is told of soon after its day has passed; returns the function that stops it. */
export function startOverdueActionNotices(
  database: Database,
  realtime: Pick<RealtimePublisher, 'publishNotifications'>,
  logger: Logger,
  intervalMs = HOUR_MS,
): () => void {
  const run = () => notifyOverdueActions(database, realtime).then(() => undefined);
  void run().catch((error: unknown) => logger.error({ err: error }, 'overdue action notices failed'));
  return startPeriodicJob('overdue action notices', intervalMs, logger, run);
}
