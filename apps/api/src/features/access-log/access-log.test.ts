import { accessLogSchema } from '@yhdessa/shared';
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

describe("the family's access log", () => {
  it('when the guardian opens it, then it names who read the plan, from which organisation, and the refused attempt', async () => {
    const response = await (
      await signInAs(testApp.app, world.people.guardian)
    ).get(`/api/families/${world.family.id}/access-log`);
    expect(response.status).toBe(200);
    const log = accessLogSchema.parse(response.body);
    expect(log.entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          actor: { name: 'Työntekijä A', role: 'worker', organisation: 'Testikunta' },
          action: 'read',
          resource: 'plan',
          outcome: 'allowed',
        }),
        expect.objectContaining({ actor: expect.objectContaining({ name: 'Työntekijä C' }), outcome: 'denied' }),
      ]),
    );
    const ids = log.entries.map((entry) => entry.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
  });

  it('when paging, then each page is older than the last and the pages do not overlap', async () => {
    const agent = await signInAs(testApp.app, world.people.coordinator);
    const first = accessLogSchema.parse((await agent.get(`/api/families/${world.family.id}/access-log?limit=2`)).body);
    expect(first.entries).toHaveLength(2);
    const second = accessLogSchema.parse(
      (await agent.get(`/api/families/${world.family.id}/access-log?limit=2&before=${first.nextBefore}`)).body,
    );
    expect(Math.max(...second.entries.map((entry) => entry.id))).toBeLessThan(
      Math.min(...first.entries.map((entry) => entry.id)),
    );
  });

  it.each<[PersonKey, number]>([
    ['youngMember', 200],
    ['workerA', 404],
    ['otherGuardian', 404],
    ['admin', 404],
  ])('when %s asks for it, then %i', async (person, status) => {
    await (await signInAs(testApp.app, world.people[person])).get(`/api/families/${world.family.id}/access-log`).expect(status);
  });

  it('when the query is wrong, then 400', async () => {
    const agent = await signInAs(testApp.app, world.people.guardian);
    await agent.get(`/api/families/${world.family.id}/access-log?limit=5000`).expect(400);
    await agent.get(`/api/families/${world.family.id}/access-log?extra=1`).expect(400);
  });
});
