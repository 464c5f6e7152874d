import { count } from 'drizzle-orm';
import type { Logger } from 'pino';
import { startPeriodicJob } from '../core/periodic-job';
import type { Database } from '../db/database';
import { exportChainHeads } from './audit.repository';
import { auditEvents } from '../db/tables/audit';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Writes the number of chains and links and a digest over every chain head to the log, which
 * lives outside the database: a later count that is smaller, or heads that no longer lead back
 * to a logged digest, show that whole chains were deleted.
 */
export async function logAuditDigest(database: Database, logger: Logger): Promise<void> {
  const heads = await exportChainHeads(database.db);
  const [links] = await database.db.select({ count: count() }).from(auditEvents);
  logger.info(
    { auditChains: heads.chains.length, auditEvents: links?.count ?? 0, auditDigest: heads.digest },
    'audit chain heads',
  );
}

/** At start and then daily; returns the function that stops it. */
export function startAuditDigest(database: Database, logger: Logger, intervalMs = DAY_MS): () => void {
  void logAuditDigest(database, logger).catch((error: unknown) => logger.error({ err: error }, 'audit digest failed'));
  return startPeriodicJob('audit digest', intervalMs, logger, () => logAuditDigest(database, logger));
}
