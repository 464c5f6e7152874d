import type { Express } from 'express';
import { pino } from 'pino';
import request from 'supertest';
import type { FamilyEvent } from '@yhdessa/shared';
import { buildApp } from '../app';
import { loadConfig, type Config } from '../config';
import type { Database } from '../db/database';
import type { RealtimePublisher } from '../realtime/realtime-publisher';
import { openTestDatabase } from './test-database';

export interface TestApp {
  app: Express;
  database: Database;
  config: Config;
  /** Family events published after commit, in order. */
  published: FamilyEvent[];
  close(): Promise<void>;
}

/** The real app on a real, empty database. */
export async function startTestApp(environment: Record<string, string> = {}): Promise<TestApp> {
  const database = await openTestDatabase();
  const config = loadConfig({ NODE_ENV: 'test', WEB_DIST: '/nonexistent', LOGIN_RATE_LIMIT_PER_MINUTE: '10000', ...environment });
  const published: FamilyEvent[] = [];
  const realtime: RealtimePublisher = {
    publishFamilyEvent: async (event) => {
      published.push(event);
    },
    endSessionSockets: async () => undefined,
    endAccountSockets: async () => undefined,
  };
  const app = buildApp({ config, database, logger: pino({ level: 'silent' }), realtime });
  return { app, database, config, published, close: () => database.close() };
}

/** A supertest agent that keeps the session cookie, signed in as the given account. */
export async function signInAs(app: Express, account: { email: string; password: string }) {
  const agent = request.agent(app);
  const response = await agent.post('/api/auth/login').send({ email: account.email, password: account.password });
  if (response.status !== 200)
    throw new Error(`sign-in failed for ${account.email}: ${response.status} ${JSON.stringify(response.body)}`);
  return agent;
}
