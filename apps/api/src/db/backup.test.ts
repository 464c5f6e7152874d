import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { pino } from 'pino';
import request from 'supertest';
import { buildApp } from '../app';
import { verifyAuditChains } from '../audit/audit.repository';
import { loadConfig } from '../core/config';
import { demoAccounts } from '../features/demo/demo-accounts';
import { seedDemoWorld } from '../features/demo/seed-demo-world';
import { backupDatabase, RestoreRefused, restoreDatabase, type DatabaseLocation } from './backup';
import { openDatabase, type Database } from './database';

jest.setTimeout(180_000);

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yhdessa-backup-'));
afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }));

const silentRealtime = {
  publishFamilyEvent: async () => undefined,
  endSessionSockets: async () => undefined,
  endAccountSockets: async () => undefined,
  publishNotifications: async () => undefined,
  refreshPresence: async () => undefined,
};

/** What a person sees and can do on the database: the plan of Perhe Virtanen, read after a demo sign-in. */
async function planAsCoordinator(database: Database): Promise<unknown> {
  const app = buildApp({
    config: loadConfig({ NODE_ENV: 'test', DEMO: '1', WEB_DIST: '/nonexistent', LOGIN_RATE_LIMIT_PER_MINUTE: '10000' }),
    database,
    logger: pino({ level: 'silent' }),
    realtime: silentRealtime,
  });
  const agent = request.agent(app);
  const { email, password } = demoAccounts.coordinator;
  await agent.post('/api/auth/login').send({ email, password }).expect(200);
  const { families } = (await agent.get('/api/families').expect(200)).body as { families: Array<{ id: string; name: string }> };
  const family = families.find((candidate) => candidate.name === 'Perhe Virtanen')!;
  return (await agent.get(`/api/families/${family.id}/plan`).expect(200)).body;
}

async function roundTrip(source: DatabaseLocation, target: DatabaseLocation, file: string) {
  const original = await openDatabase(source);
  await seedDemoWorld(original.db);
  const planBefore = await planAsCoordinator(original);
  const auditBefore = await verifyAuditChains(original.db);
  await original.close();

  await backupDatabase(source, file);
  await restoreDatabase(target, file);

  const restored = await openDatabase(target);
  try {
    const auditAfter = await verifyAuditChains(restored.db);
    expect(auditAfter).toEqual(auditBefore);
    expect(auditAfter.firstBrokenLink).toBeNull();
    expect(auditAfter.events).toBeGreaterThan(0);
    expect(await planAsCoordinator(restored)).toEqual(planBefore);
  } finally {
    await restored.close();
  }
  await expect(restoreDatabase(target, file)).rejects.toBeInstanceOf(RestoreRefused);
}

describe('backup and restore', () => {
  it('when the embedded database is backed up and restored into an empty directory, then the plan, the audit chains and sign-in are as they were', async () => {
    await roundTrip(
      { dataDir: path.join(workDir, 'original') },
      { dataDir: path.join(workDir, 'restored') },
      path.join(workDir, 'yhdessa.tar.gz'),
    );
  });

  it('when the backup file is missing, then restore refuses and touches nothing', async () => {
    const target = { dataDir: path.join(workDir, 'untouched') };
    await expect(restoreDatabase(target, path.join(workDir, 'no-such-file'))).rejects.toBeInstanceOf(RestoreRefused);
    expect(fs.existsSync(target.dataDir)).toBe(false);
  });

  const serverUrl = process.env.TEST_DATABASE_URL;
  (serverUrl ? it : it.skip)(
    'when a PostgreSQL server database is backed up with pg_dump and restored with pg_restore into an empty one, then the plan, the audit chains and sign-in are as they were',
    async () => {
      const names = [`yhdessa_backup_${randomBytes(4).toString('hex')}`, `yhdessa_restore_${randomBytes(4).toString('hex')}`];
      const admin = new Client({ connectionString: serverUrl });
      await admin.connect();
      const urlOf = (name: string) => Object.assign(new URL(serverUrl!), { pathname: `/${name}` }).toString();
      try {
        for (const name of names) await admin.query(`create database ${name}`);
        await roundTrip(
          { url: urlOf(names[0]!), dataDir: '' },
          { url: urlOf(names[1]!), dataDir: '' },
          path.join(workDir, 'yhdessa.dump'),
        );
      } finally {
        for (const name of names) await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      }
    },
  );
});
