import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { eq } from 'drizzle-orm';
import request from 'supertest';
import { auditEvents } from '../../db/tables/audit';
import { startTestApp, type TestApp } from '../../test/test-app';
import { createFirstAdministrator, FirstAdministratorRefused } from './first-administrator';

jest.setTimeout(120_000);

let testApp: TestApp;
beforeAll(async () => {
  testApp = await startTestApp();
});
afterAll(() => testApp.close());

const tokenOf = (link: string) => link.split('/kutsu/')[1]!;

describe('the first administrator', () => {
  it('when the command creates the first administrator, then the printed link sets the password once and the first sign-in sets up the second factor', async () => {
    const { link, expiresAt } = await createFirstAdministrator(testApp.database.db, testApp.config, {
      email: 'ensimmainen@kunta.example',
      name: 'Eka Ylläpitäjä',
    });
    expect(link).toMatch(/^http:\/\/localhost:3000\/kutsu\/[A-Za-z0-9_-]{43}$/);
    expect((expiresAt.getTime() - Date.now()) / 3_600_000).toBeGreaterThan(23.9);
    const details = await request(testApp.app)
      .get(`/api/invitations/${tokenOf(link)}`)
      .expect(200);
    expect(details.body).toMatchObject({ kind: 'administrator', name: 'Eka Ylläpitäjä', state: 'open' });

    await request(testApp.app)
      .post(`/api/invitations/${tokenOf(link)}/accept`)
      .send({ password: 'kolme hyvää sanaa yhdessä' })
      .expect(204);
    await request(testApp.app)
      .post(`/api/invitations/${tokenOf(link)}/accept`)
      .send({ password: 'kolme hyvää sanaa yhdessä' })
      .expect(410);
    const login = await request(testApp.app)
      .post('/api/auth/login')
      .send({ email: 'ensimmainen@kunta.example', password: 'kolme hyvää sanaa yhdessä' })
      .expect(200);
    expect(login.body).toMatchObject({ role: 'admin', organisationId: null, secondFactor: 'enrol' });
    const audited = await testApp.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.basis, 'first administrator command'));
    expect(audited).toHaveLength(1);
  });

  it('when an administrator exists, then the command refuses unless another one is intended', async () => {
    await expect(
      createFirstAdministrator(testApp.database.db, testApp.config, { email: 'toinen@kunta.example', name: 'Toka' }),
    ).rejects.toBeInstanceOf(FirstAdministratorRefused);
    const { link } = await createFirstAdministrator(testApp.database.db, testApp.config, {
      email: 'toinen@kunta.example',
      name: 'Toka',
      another: true,
    });
    expect(link).toContain('/kutsu/');
    await expect(
      createFirstAdministrator(testApp.database.db, testApp.config, {
        email: 'toinen@kunta.example',
        name: 'Toka',
        another: true,
      }),
    ).rejects.toThrow('This address has an account already.');
  });

  it('when the command runs from the shell on an empty embedded database, then it prints the link, and refuses a second time', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yhdessa-admin-'));
    const run = (email: string) =>
      promisify(execFile)(
        process.execPath,
        ['--import', 'tsx', path.join(__dirname, 'create-administrator.cli.ts'), '--email', email, '--name', 'Komento Testi'],
        { env: { ...process.env, NODE_OPTIONS: '', DATA_DIR: dataDir } },
      );
    try {
      const { stdout } = await run('komento@kunta.example');
      expect(stdout).toMatch(/\/kutsu\/[A-Za-z0-9_-]{43}/);
      await expect(run('toinen@kunta.example')).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('--another') });
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
