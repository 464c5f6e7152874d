import { auditExportSchema } from '@yhdessa/shared';
import { signInAs, startTestApp, type TestApp } from '../../test/test-app';
import { buildWorld, type PersonKey, type World } from '../../test/world';

let testApp: TestApp;
let world: World;

beforeAll(async () => {
  testApp = await startTestApp();
  world = await buildWorld(testApp.database.db);
  await (await signInAs(testApp.app, world.people.workerA)).get(`/api/families/${world.family.id}/plan`).expect(200);
  await (await signInAs(testApp.app, world.people.workerC)).get(`/api/families/${world.family.id}/plan`).expect(404);
});
afterAll(() => testApp.close());

describe('the audit export', () => {
  const window = () => ({
    from: new Date(Date.now() - 86_400_000).toISOString(),
    to: new Date(Date.now() + 60_000).toISOString(),
  });

  it('when an administrator exports a window, then every event comes with its hash chain, and the export is itself audited', async () => {
    const agent = await signInAs(testApp.app, world.people.admin);
    const response = await agent.get('/api/audit/export').query(window());
    expect(response.status).toBe(200);
    const exported = auditExportSchema.parse(response.body);
    expect(exported.entries.length).toBeGreaterThan(3);
    expect(exported.entries[0]).toMatchObject({ hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const again = auditExportSchema.parse((await agent.get('/api/audit/export').query(window())).body);
    expect(again.entries.some((entry) => entry.action === 'export' && entry.actorId === world.people.admin.id)).toBe(true);
  });

  it.each<PersonKey>(['coordinator', 'manager', 'guardian'])('when %s asks for the export, then 404', async (person) => {
    await (await signInAs(testApp.app, world.people[person])).get('/api/audit/export').query(window()).expect(404);
  });

  it('when the window is longer than a year or backwards, then 400', async () => {
    const agent = await signInAs(testApp.app, world.people.admin);
    await agent.get('/api/audit/export').query({ from: '2020-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }).expect(400);
    await agent.get('/api/audit/export').query({ from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }).expect(400);
  });
});
