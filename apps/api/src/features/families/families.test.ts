import { familyDetailSchema, familyListSchema, familyMemberDetailSchema } from '@yhdessa/shared';
import { and, eq } from 'drizzle-orm';
import { auditEvents } from '../../db/tables/audit';
import { plans } from '../../db/tables/plans';
import { stories } from '../../db/tables/stories';
import { buildFamily, buildMember } from '../../test/factories';
import { signInAs, startTestApp, type TestApp } from '../../test/test-app';
import { buildWorld, type PersonKey, type World } from '../../test/world';
import { familyMembers, families } from '../../db/tables/families';

jest.setTimeout(60_000);

let testApp: TestApp;
let world: World;

beforeAll(async () => {
  testApp = await startTestApp();
  world = await buildWorld(testApp.database.db);
});
afterAll(() => testApp.close());

const agentOf = (person: PersonKey) => signInAs(testApp.app, world.people[person]);

async function familyRow(id: string) {
  const [row] = await testApp.database.db.select().from(families).where(eq(families.id, id));
  return row!;
}

describe('POST /api/families', () => {
  it('when a coordinator opens a case, then they own it, it starts new with its plan and an empty story, and it is audited and published', async () => {
    const agent = await agentOf('coordinator');
    const response = await agent.post('/api/families').send({
      name: 'Perhe Uusinen',
      members: [
        { name: 'Aino Uusinen', relation: 'guardian', birthYear: 1987 },
        { name: 'Otto Uusinen', relation: 'child', birthYear: 2016 },
      ],
    });
    expect(response.status).toBe(201);
    const family = familyDetailSchema.parse(response.body);
    expect(family).toMatchObject({
      name: 'Perhe Uusinen',
      status: 'new',
      coordinator: { id: world.people.coordinator.id },
      pendingHandover: null,
      version: 1,
    });
    expect(family.members.map((member) => member.name)).toEqual(['Aino Uusinen', 'Otto Uusinen']);
    expect(await testApp.database.db.select().from(plans).where(eq(plans.familyId, family.id))).toHaveLength(1);
    expect(await testApp.database.db.select().from(stories).where(eq(stories.familyId, family.id))).toHaveLength(1);
    const audit = await testApp.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.familyId, family.id), eq(auditEvents.action, 'create')));
    expect(audit).toEqual([expect.objectContaining({ resource: 'family', actorId: world.people.coordinator.id })]);
    expect(testApp.published).toContainEqual(expect.objectContaining({ type: 'family.created', familyId: family.id }));

    const list = familyListSchema.parse((await agent.get('/api/families?q=uusin')).body);
    expect(list.families.map((row) => row.id)).toEqual([family.id]);
  });

  it.each<[PersonKey, number]>([
    ['workerA', 404],
    ['guardian', 404],
    ['manager', 404],
    ['admin', 404],
  ])('when %s tries to open a case, then %i and nothing is created', async (person, status) => {
    const before = await testApp.database.db.select().from(families);
    const response = await (await agentOf(person)).post('/api/families').send({ name: 'Perhe Ei', members: [] });
    expect(response.status).toBe(status);
    expect(await testApp.database.db.select().from(families)).toHaveLength(before.length);
  });

  describe('duplicate warning', () => {
    let mine: { id: string };
    let theirs: { id: string };
    beforeAll(async () => {
      const db = testApp.database.db;
      mine = await buildFamily(db, { coordinatorId: world.people.coordinator.id, name: 'Perhe Kaksoinen' });
      await db.insert(familyMembers).values({ familyId: mine.id, name: 'Veera Kaksoinen', relation: 'child', birthYear: 2015 });
      theirs = await buildFamily(db, { coordinatorId: world.people.otherCoordinator.id, name: 'Perhe Kaksoinen B' });
      await db.insert(familyMembers).values({ familyId: theirs.id, name: 'VEERA KAKSOINEN', relation: 'child', birthYear: 2015 });
    });
    const body = { name: 'Perhe Kaksoinen C', members: [{ name: '  veera kaksoinen ', relation: 'child', birthYear: 2015 }] };

    it('when a member matches members of other cases by name and birth year, then 409 possible_duplicate lists only my cases and counts all, and nothing is created', async () => {
      const before = await testApp.database.db.select().from(families);
      const response = await (await agentOf('coordinator')).post('/api/families').send(body);
      expect(response.status).toBe(409);
      expect(response.body).toMatchObject({ code: 'possible_duplicate', duplicates: { count: 2, familyIds: [mine.id] } });
      expect(await testApp.database.db.select().from(families)).toHaveLength(before.length);
      const reads = await testApp.database.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.familyId, theirs.id), eq(auditEvents.resource, 'duplicate-check')));
      expect(reads.length).toBeGreaterThan(0);
    });

    it('when another coordinator creates the same, then they learn only the count', async () => {
      const response = await (await agentOf('otherCoordinator')).post('/api/families').send(body);
      expect(response.status).toBe(409);
      expect(response.body.duplicates.count).toBe(2);
      expect(response.body.duplicates.familyIds).toEqual([theirs.id]);
    });

    it('when the birth year differs, then there is no warning', async () => {
      const response = await (
        await agentOf('coordinator')
      )
        .post('/api/families')
        .send({ ...body, members: [{ name: 'Veera Kaksoinen', relation: 'child', birthYear: 2016 }] });
      expect(response.status).toBe(201);
    });

    it('when the coordinator confirms the duplicate, then the case is created', async () => {
      const response = await (await agentOf('coordinator')).post('/api/families').send({ ...body, confirmDuplicate: true });
      expect(response.status).toBe(201);
    });
  });

  it.each<[string, unknown]>([
    ['an unknown field', { name: 'Perhe X', members: [], coordinatorId: world?.people.coordinator.id ?? 'x' }],
    ['a missing name', { members: [] }],
    ['an empty name', { name: '   ', members: [] }],
    ['an oversize name', { name: 'x'.repeat(201), members: [] }],
    ['an unknown relation', { name: 'Perhe X', members: [{ name: 'A', relation: 'cousin', birthYear: 2000 }] }],
    ['a birth year of the wrong type', { name: 'Perhe X', members: [{ name: 'A', relation: 'child', birthYear: '2000' }] }],
    ['an unknown member field', { name: 'Perhe X', members: [{ name: 'A', relation: 'child', birthYear: 2000, ssn: '1' }] }],
  ])('when the body has %s, then 400 and nothing is created', async (_case, body) => {
    const before = await testApp.database.db.select().from(families);
    const response = await (await agentOf('coordinator')).post('/api/families').send(body as object);
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('validation_failed');
    expect(response.body.errors.length).toBeGreaterThan(0);
    expect(await testApp.database.db.select().from(families)).toHaveLength(before.length);
  });
});

describe('the case and its members', () => {
  it.each<[PersonKey, number]>([
    ['coordinator', 200],
    ['workerA', 200],
    ['guardian', 200],
    ['otherCoordinator', 404],
    ['admin', 404],
  ])('when %s reads the case, then %i', async (person, status) => {
    const response = await (await agentOf(person)).get(`/api/families/${world.family.id}`);
    expect(response.status).toBe(status);
    if (status === 200) expect(familyDetailSchema.parse(response.body).members).toHaveLength(3);
  });

  it('when the coordinator adds and corrects a member, then both are versioned, audited and published', async () => {
    const family = await buildFamily(testApp.database.db, { coordinatorId: world.people.coordinator.id });
    const agent = await agentOf('coordinator');
    const added = await agent.post(`/api/families/${family.id}/members`).send({ name: 'Uusi Jäsen', relation: 'other' });
    expect(added.status).toBe(201);
    const member = familyMemberDetailSchema.parse(added.body);
    expect(member).toMatchObject({ birthYear: null, hasLogin: false, version: 1 });

    const patched = await agent
      .patch(`/api/families/${family.id}/members/${member.id}`)
      .send({ birthYear: 1970, version: member.version });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ name: 'Uusi Jäsen', birthYear: 1970, version: 2 });
    expect(testApp.published).toContainEqual(expect.objectContaining({ type: 'member.updated', id: member.id, version: 2 }));

    const stale = await agent.patch(`/api/families/${family.id}/members/${member.id}`).send({ name: 'Vanha', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'version_conflict', current: { id: member.id, version: 2, name: 'Uusi Jäsen' } });
  });

  it.each<[PersonKey, number]>([
    ['workerA', 403],
    ['guardian', 403],
    ['otherCoordinator', 404],
  ])('when %s tries to change a member, then %i and nothing changes', async (person, status) => {
    const member = await buildMember(testApp.database.db, world.family.id, { name: 'Muuttumaton' });
    const response = await (
      await agentOf(person)
    )
      .patch(`/api/families/${world.family.id}/members/${member.id}`)
      .send({ name: 'Muutettu', version: member.version });
    expect(response.status).toBe(status);
    const [after] = await testApp.database.db.select().from(familyMembers).where(eq(familyMembers.id, member.id));
    expect(after).toEqual(member);
  });
});

describe('PATCH /api/families/:familyId (status)', () => {
  it('when the coordinator closes the case, then it is read-only everywhere until the coordinator reopens it', async () => {
    const family = await buildFamily(testApp.database.db, { coordinatorId: world.people.coordinator.id, status: 'active' });
    const member = await buildMember(testApp.database.db, family.id);
    const agent = await agentOf('coordinator');

    const closed = await agent.patch(`/api/families/${family.id}`).send({ status: 'closed', version: family.version });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', version: family.version + 1 });

    const writes = [
      () => agent.post(`/api/families/${family.id}/members`).send({ name: 'Myöhäinen', relation: 'child', birthYear: 2020 }),
      () => agent.patch(`/api/families/${family.id}/members/${member.id}`).send({ name: 'Muutettu', version: member.version }),
      () => agent.patch(`/api/families/${family.id}`).send({ name: 'Uusi nimi', version: family.version + 1 }),
      () => agent.put(`/api/families/${family.id}/story`).send({ background: 'a', situation: 'b', strengths: 'c', version: 1 }),
      () =>
        agent
          .post(`/api/families/${family.id}/assessments`)
          .send({ assessedOn: '2026-01-01', ratings: [{ domain: 'housing', rating: 3 }] }),
      () =>
        agent
          .post(`/api/families/${family.id}/handover`)
          .send({ toCoordinatorId: world.people.otherCoordinator.id, version: family.version + 1 }),
    ];
    for (const write of writes) {
      const response = await write();
      expect(response.status).toBe(409);
      expect(response.body.code).toBe('case_closed');
    }
    expect((await familyRow(family.id)).name).toBe(family.name);
    expect((await agent.get(`/api/families/${family.id}/story`)).status).toBe(200);

    const reopened = await agent.patch(`/api/families/${family.id}`).send({ status: 'active', version: family.version + 1 });
    expect(reopened.status).toBe(200);
    expect(reopened.body.status).toBe('active');
    expect(testApp.published.filter((event) => event.familyId === family.id && event.type === 'family.updated')).toHaveLength(2);
  });

  it('when the change is based on an old version, then 409 carries the current case and nothing changes', async () => {
    const family = await buildFamily(testApp.database.db, { coordinatorId: world.people.coordinator.id });
    const agent = await agentOf('coordinator');
    await agent.patch(`/api/families/${family.id}`).send({ name: 'Perhe Ensin', version: 1 });
    const stale = await agent.patch(`/api/families/${family.id}`).send({ status: 'closed', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'version_conflict', current: { id: family.id, name: 'Perhe Ensin', version: 2 } });
    expect((await familyRow(family.id)).status).toBe('active');
  });

  it.each<[string, unknown]>([
    ['a status the coordinator may not set', { status: 'in_review', version: 1 }],
    ['a version of the wrong type', { status: 'closed', version: 'one' }],
    ['an unknown field', { status: 'closed', version: 1, coordinatorId: '00000000-0000-4000-8000-000000000000' }],
  ])('when the body has %s, then 400', async (_case, body) => {
    const response = await (await agentOf('coordinator')).patch(`/api/families/${world.family.id}`).send(body as object);
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('validation_failed');
  });

  it.each<[PersonKey, number]>([
    ['workerA', 403],
    ['guardian', 403],
    ['otherCoordinator', 404],
  ])('when %s tries to close the case, then %i', async (person, status) => {
    const before = await familyRow(world.family.id);
    const response = await (
      await agentOf(person)
    )
      .patch(`/api/families/${world.family.id}`)
      .send({ status: 'closed', version: before.version });
    expect(response.status).toBe(status);
    expect(await familyRow(world.family.id)).toEqual(before);
  });
});
