import type { Logger as QueryLogger } from 'drizzle-orm';
import type { Server } from 'node:http';
import type { Express } from 'express';
import type { Transporter } from 'nodemailer';
import { pino, type Logger } from 'pino';
import request from 'supertest';
import type { FamilyEvent, NotificationsChanged } from '@yhdessa/shared';
import { buildApp } from '../app';
import { loadConfig, type Config } from '../core/config';
import type { Database } from '../db/database';
import type { RealtimePublisher } from '../realtime/realtime-publisher';
import { freshTotpCode } from './second-factor';
import { openTestDatabase } from './test-database';

export interface TestApp {
  app: Express;
  database: Database;
  config: Config;
  /** Family events published after commit, in order. */
  published: FamilyEvent[];
  /** What readers' own sockets were told of their notifications, after commit, in order. */
  notified: { accountIds: readonly string[]; change: NotificationsChanged }[];
  close(): Promise<void>;
}

/** Which database each test app runs on, so signing in can pass the second factor. */
const databases = new WeakMap<Express, Database>();

/**
 * The real app on a real, empty database; or, given `database`, another app (another configuration
 * or mail transport) on that one, which its `close` leaves open.
 */
export async function startTestApp(
  environment: Record<string, string> = {},
  options: { logger?: Logger; mailTransport?: Transporter; queryLogger?: QueryLogger; database?: Database } = {},
): Promise<TestApp> {
  const database = options.database ?? (await openTestDatabase({ logger: options.queryLogger }));
  const config = loadConfig({ NODE_ENV: 'test', WEB_DIST: '/nonexistent', LOGIN_RATE_LIMIT_PER_MINUTE: '10000', ...environment });
  const published: FamilyEvent[] = [];
  const notified: TestApp['notified'] = [];
  const realtime: RealtimePublisher = {
    publishFamilyEvent: async (event) => {
      published.push(event);
    },
    endSessionSockets: async () => undefined,
    endAccountSockets: async () => undefined,
    publishNotifications: async (accountIds, change) => {
      notified.push({ accountIds, change });
    },
    refreshPresence: async () => undefined,
  };
  const app = buildApp({
    config,
    database,
    logger: options.logger ?? pino({ level: 'silent' }),
    realtime,
    mailTransport: options.mailTransport,
  });
  databases.set(app, database);
  return { app, database, config, published, notified, close: async () => (options.database ? undefined : database.close()) };
}

/**
 * A supertest agent that keeps the session cookie, signed in as the given account, with the
 * second factor passed when the account has one (factories give professionals `TEST_TOTP_SECRET`).
 * With `server` (the app already listening) the agent sends to it over kept-alive connections;
 * otherwise supertest starts and stops a server of its own for each request.
 */
export async function signInAs(app: Express, account: { email: string; password: string }, server?: Server) {
  const agent = request.agent(server ?? app);
  const response = await agent.post('/api/auth/login').send({ email: account.email, password: account.password });
  if (response.status !== 200)
    throw new Error(`sign-in failed for ${account.email}: ${response.status} ${JSON.stringify(response.body)}`);
  if (response.body.secondFactor === 'required') {
    const database = databases.get(app);
    if (!database) throw new Error('signInAs needs an app from startTestApp');
    const code = await freshTotpCode(database.db, account.email);
    const verified = await agent.post('/api/auth/second-factor/verify').send({ code });
    if (verified.status !== 200)
      throw new Error(`second factor failed for ${account.email}: ${verified.status} ${JSON.stringify(verified.body)}`);
  }
  return agent;
}
