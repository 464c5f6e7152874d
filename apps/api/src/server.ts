import http from 'node:http';
import type { Logger } from 'pino';
import { buildApp } from './app';
import { startAuditDigest } from './audit/audit-digest';
import { loadConfig, type Config } from './core/config';
import { createLogger } from './core/logger';
import { openDatabase, type Database } from './db/database';
import { createOriginCheck } from './http/same-origin';
import { createMailer, createSmtpTransport } from './mail/mailer';
import { countDemoAccounts } from './features/accounts/accounts.repository';
import { seedDemoMunicipality } from './features/demo/seed-demo-municipality';
import { seedDemoWorld } from './features/demo/seed-demo-world';
import { useRedisAdapter } from './redis-adapter';
import { findPresenceFacts } from './access/family-relation.repository';
import { presenceSeenBy } from './access/presence-policy';
import { trackPresence, type PresenceDecider } from './realtime/presence';
import { createRealtimeServer, createSocketPublisher, startSocketRechecks } from './socket-server';
import { startInvitationReminders } from './features/service-roles/invitation-reminders';
import { startNotificationDigests, startOverdueActionNotices } from './features/notifications';

export interface RunningServer {
  port: number;
  stop(): Promise<void>;
}

/** Opens the database, seeds demo data when asked, and serves HTTP and socket.io on one port. */
export async function startServer(config: Config, logger: Logger, opened?: Database): Promise<RunningServer> {
  const database = opened ?? (await openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR }));
  if (config.DEMO && (await seedDemoWorld(database.db))) logger.info('demo world seeded');
  if (config.DEMO && (await seedDemoMunicipality(database.db))) logger.info('demo municipality seeded');
  if (!config.DEMO && (await countDemoAccounts(database.db)) > 0)
    logger.warn(
      { dataDir: config.DATA_DIR },
      'this database holds the demo world: its published logins are refused outside demo mode',
    );

  const httpServer = http.createServer();
  const io = createRealtimeServer(httpServer, database, config, logger, createOriginCheck(config));
  const closeRedis = config.REDIS_URL ? await useRedisAdapter(io, config.REDIS_URL, config.REDIS_CHANNEL) : async () => undefined;
  const decidePresence: PresenceDecider = async (familyId, present, at) => {
    const facts = await findPresenceFacts(familyId, database.db);
    return present.map((reader) => presenceSeenBy(familyId, reader, present, facts, at));
  };
  // After the adapter: presence listens to it for joins and leaves.
  const presence = trackPresence(io, decidePresence, logger);
  const realtime = createSocketPublisher(io, database, presence);
  const app = buildApp({ config, logger, database, realtime });
  let stopping: Promise<void> | undefined;
  const inFlight = new Set<http.ServerResponse>();
  // Once stopping, a keep-alive connection closes after the answer it is giving: Connection: close.
  const closeAfterAnswer = (res: http.ServerResponse) => {
    if (!res.headersSent) res.setHeader('Connection', 'close');
  };
  // socket.io answers its own path before any other listener runs; Express must not answer it again.
  httpServer.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (req.url?.startsWith('/socket.io/')) return;
    if (stopping) closeAfterAnswer(res);
    inFlight.add(res);
    res.once('close', () => inFlight.delete(res));
    app(req, res);
  });
  await new Promise<void>((resolve) => httpServer.listen(config.PORT, resolve));
  const address = httpServer.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  logger.info({ port, db: database.kind, demo: config.DEMO, redis: Boolean(config.REDIS_URL) }, 'listening');
  // The periodic jobs' mail (invitation reminders, notification digests) goes through one mailer.
  const jobMailer = createMailer({ transport: createSmtpTransport(config), database, from: config.MAIL_FROM, logger });
  const stopInvitationReminders = startInvitationReminders(database, { config, mailer: jobMailer }, logger);
  const stopAuditDigest = startAuditDigest(database, logger);
  const stopOverdueActionNotices = startOverdueActionNotices(database, realtime, logger);
  const stopNotificationDigests = startNotificationDigests(database, { config, mailer: jobMailer }, logger);
  const stopSocketRechecks = startSocketRechecks(io, database, config, logger, config.SOCKET_RECHECK_SECONDS * 1000);

  const stop = () =>
    (stopping ??= (async () => {
      // Stop accepting, let in-flight requests finish (up to the grace period), then close
      // sockets and the database last, so every acknowledged change is on disk.
      stopInvitationReminders();
      stopAuditDigest();
      stopOverdueActionNotices();
      stopNotificationDigests();
      stopSocketRechecks();
      presence.stop();
      const drained = new Promise<void>((resolve) => httpServer.close(() => resolve()));
      inFlight.forEach(closeAfterAnswer);
      httpServer.closeIdleConnections();
      io.disconnectSockets(true);
      const grace = setTimeout(() => httpServer.closeAllConnections(), config.SHUTDOWN_GRACE_MS);
      await drained;
      clearTimeout(grace);
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await closeRedis();
      await database.close();
      logger.info('stopped cleanly');
    })());
  return { port, stop };
}

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config);
  const server = await startServer(config, logger);
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      logger.info({ signal }, 'shutting down');
      server.stop().then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
    });
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
