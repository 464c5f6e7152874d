import { storyHistorySchema, storySchema } from '@yhdessa/shared';
import { eq } from 'drizzle-orm';
import { auditEvents } from '../../db/tables/audit';
import { signInAs, startTestApp, type TestApp } from '../../test/test-app';
import { buildWorld, type PersonKey, type World } from '../../test/world';
import { storyComments, storyRevisions, stories } from '../../db/tables/stories';

jest.setTimeout(60_000);

let testApp: TestApp;
let world: World;

beforeAll(async () => {
  testApp = await startTestApp();
  world = await buildWorld(testApp.database.db);
});
afterAll(() => testApp.close());

const agentOf = (person: PersonKey) => signInAs(testApp.app, world.people[person]);
const storyUrl = () => `/api/families/${world.family.id}/story`;

async function currentVersion() {
  return storySchema.parse((await (await agentOf('coordinator')).get(storyUrl())).body).version;
}

describe('the story, told once', () => {
  it('when nobody has written the story yet, then it is empty at version 1', async () => {
    const response = await (await agentOf('coordinator')).get(storyUrl());
    expect(response.status).toBe(200);
    expect(storySchema.parse(response.body)).toMatchObject({ background: '', version: 1, updatedBy: null, comments: [] });
  });

  it('when the coordinator saves the story twice, then every save is kept in the history with who and when', async () => {
    const agent = await agentOf('coordinator');
    const first = await agent.put(storyUrl()).send({ background: 'Muutto', situation: 'Arki', strengths: 'Huumori', version: 1 });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ version: 2, updatedBy: { id: world.people.coordinator.id } });
    const second = await agent
      .put(storyUrl())
      .send({ background: 'Muutto keväällä', situation: 'Arki', strengths: 'Huumori', version: 2 });
    expect(second.status).toBe(200);

    const history = storyHistorySchema.parse((await agent.get(`${storyUrl()}/history`)).body);
    expect(history.revisions.map((revision) => [revision.version, revision.background])).toEqual([
      [3, 'Muutto keväällä'],
      [2, 'Muutto'],
    ]);
    expect(history.revisions[0]!.editedBy.id).toBe(world.people.coordinator.id);
    expect(testApp.published).toContainEqual(
      expect.objectContaining({ type: 'story.updated', familyId: world.family.id, version: 3 }),
    );
    const audit = await testApp.database.db.select().from(auditEvents).where(eq(auditEvents.resource, 'story'));
    expect(audit.map((row) => row.action)).toEqual(expect.arrayContaining(['read', 'update']));
  });

  it('when the save is based on an old version, then 409 carries the current story and nothing is kept', async () => {
    const version = await currentVersion();
    const revisions = await testApp.database.db.select().from(storyRevisions);
    const response = await (
      await agentOf('coordinator')
    )
      .put(storyUrl())
      .send({ background: 'Vanha', situation: '', strengths: '', version: version - 1 });
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ code: 'version_conflict', current: { version } });
    expect(await testApp.database.db.select().from(storyRevisions)).toHaveLength(revisions.length);
  });

  it.each<[PersonKey, number]>([
    ['coordinator', 200],
    ['guardian', 200],
    ['youngMember', 200],
    ['workerA', 200],
    ['workerB', 404],
    ['workerC', 404],
    ['otherCoordinator', 404],
    ['manager', 404],
  ])('when %s reads the story and its history, then %i', async (person, status) => {
    const agent = await agentOf(person);
    expect((await agent.get(storyUrl())).status).toBe(status);
    expect((await agent.get(`${storyUrl()}/history`)).status).toBe(status);
  });

  it.each<[PersonKey, number]>([
    ['guardian', 403],
    ['workerA', 403],
    ['workerB', 404],
  ])('when %s tries to write the story, then %i and nothing changes', async (person, status) => {
    const before = await testApp.database.db.select().from(stories);
    const response = await (
      await agentOf(person)
    )
      .put(storyUrl())
      .send({ background: 'x', situation: 'y', strengths: 'z', version: await currentVersion() });
    expect(response.status).toBe(status);
    expect(await testApp.database.db.select().from(stories)).toEqual(before);
  });

  it('when a family member asks for a correction, then the coordinator sees it and resolves it once', async () => {
    const guardian = await agentOf('guardian');
    const created = await guardian.post(`${storyUrl()}/comments`).send({ kind: 'correction-request', body: 'Muutimme 2019.' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ kind: 'correction-request', author: { id: world.people.guardian.id }, version: 1 });
    expect(testApp.published).toContainEqual(expect.objectContaining({ type: 'story.commented', id: created.body.id }));

    const coordinator = await agentOf('coordinator');
    const story = storySchema.parse((await coordinator.get(storyUrl())).body);
    expect(story.comments.map((comment) => comment.id)).toContain(created.body.id);

    const resolveUrl = `${storyUrl()}/comments/${created.body.id}/resolve`;
    expect((await guardian.post(resolveUrl).send({ version: 1 })).status).toBe(403);
    const resolved = await coordinator.post(resolveUrl).send({ version: 1 });
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ version: 2, resolvedAt: expect.any(String) });
    const again = await coordinator.post(resolveUrl).send({ version: 1 });
    expect(again.status).toBe(409);
    expect(again.body.current).toMatchObject({ id: created.body.id, version: 2 });
  });

  it.each<[PersonKey, number]>([
    ['coordinator', 403],
    ['workerA', 403],
    ['workerB', 404],
  ])('when %s tries to comment as the family, then %i', async (person, status) => {
    const before = await testApp.database.db.select().from(storyComments);
    const response = await (await agentOf(person)).post(`${storyUrl()}/comments`).send({ kind: 'comment', body: 'Hei' });
    expect(response.status).toBe(status);
    expect(await testApp.database.db.select().from(storyComments)).toHaveLength(before.length);
  });

  it.each<[string, string, unknown]>([
    ['an oversize story', 'put', { background: 'x'.repeat(10_001), situation: '', strengths: '', version: 1 }],
    ['a missing part', 'put', { background: '', situation: '', version: 1 }],
    ['an unknown field', 'put', { background: '', situation: '', strengths: '', version: 1, updatedBy: 'me' }],
    ['an unknown comment kind', 'comment', { kind: 'complaint', body: 'x' }],
    ['an empty comment', 'comment', { kind: 'comment', body: '  ' }],
    ['an oversize comment', 'comment', { kind: 'comment', body: 'x'.repeat(2_001) }],
  ])('when the body has %s, then 400', async (_case, kind, body) => {
    const agent = await agentOf(kind === 'put' ? 'coordinator' : 'guardian');
    const response =
      kind === 'put'
        ? await agent.put(storyUrl()).send(body as object)
        : await agent.post(`${storyUrl()}/comments`).send(body as object);
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('validation_failed');
  });
});
