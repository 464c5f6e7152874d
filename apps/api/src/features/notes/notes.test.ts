import { NOTE_BODY_MAX_LENGTH, noteListSchema, noteSchema } from '@yhdessa/shared';
import { eq } from 'drizzle-orm';
import { families } from '../../db/tables/families';
import { buildConsent } from '../../test/factories';
import { signInAs, startTestApp, type TestApp } from '../../test/test-app';
import { buildWorld, type PersonKey, type World } from '../../test/world';
import { notes } from '../../db/tables/notes';

let testApp: TestApp;
let world: World;
const written: Record<string, string> = {};

const agentOf = (person: PersonKey) => signInAs(testApp.app, world.people[person]);
const notesUrl = () => `/api/families/${world.family.id}/notes`;

async function write(person: PersonKey, body: { serviceRoleId: string | null; body: string; visibility: string }) {
  return (await agentOf(person)).post(notesUrl()).send(body);
}
async function readAs(person: PersonKey) {
  const response = await (await agentOf(person)).get(notesUrl());
  expect(response.status).toBe(200);
  return noteListSchema.parse(response.body).notes.map((note) => note.body);
}

beforeAll(async () => {
  testApp = await startTestApp();
  world = await buildWorld(testApp.database.db);
  for (const [person, serviceRoleId, visibility, body] of [
    ['workerA', world.roles.roleA.id, 'professionals', 'A ammattilaisille'],
    ['workerA', world.roles.roleA.id, 'family', 'A perheelle'],
    ['workerB', world.roles.roleB.id, 'professionals', 'B ammattilaisille'],
    ['coordinator', null, 'family', 'Koordinaattori perheelle'],
  ] as const) {
    const response = await write(person, { serviceRoleId, visibility, body });
    expect(response.status).toBe(201);
    written[body] = noteSchema.parse(response.body).id;
  }
});
afterAll(() => testApp.close());

describe('notes', () => {
  it('when the family reads notes, then it sees only family-visible ones, newest first', async () => {
    expect(await readAs('guardian')).toEqual(['Koordinaattori perheelle', 'A perheelle']);
    expect(await readAs('youngMember')).toEqual(['Koordinaattori perheelle', 'A perheelle']);
  });

  it('when the coordinator reads notes, then they see all', async () => {
    expect(await readAs('coordinator')).toEqual([
      'Koordinaattori perheelle',
      'B ammattilaisille',
      'A perheelle',
      'A ammattilaisille',
    ]);
  });

  it("when a service has no consent for notes, then it reads only its own role's notes; with consent, everyone's", async () => {
    expect(await readAs('workerB')).toEqual(['B ammattilaisille']);
    expect(await readAs('workerA')).toEqual(['A perheelle', 'A ammattilaisille']);
    await buildConsent(testApp.database.db, world.family.id, world.services.serviceB.id, 'notes', true, world.people.guardian.id);
    expect(await readAs('workerB')).toHaveLength(4);
    await buildConsent(
      testApp.database.db,
      world.family.id,
      world.services.serviceB.id,
      'notes',
      false,
      world.people.guardian.id,
    );
  });

  it.each<[PersonKey, string | 'roleA' | 'roleB' | null, string, number]>([
    ['workerA', 'roleB', 'professionals', 403],
    ['workerA', null, 'family', 403],
    ['guardian', null, 'professionals', 403],
    ['guardian', 'roleA', 'family', 403],
    ['guardian', null, 'family', 201],
    ['otherGuardian', null, 'family', 404],
    ['workerC', 'roleA', 'family', 404],
  ])('when %s writes on %s for %s, then %i', async (person, roleKey, visibility, status) => {
    const before = await testApp.database.db.select().from(notes);
    const serviceRoleId = roleKey === 'roleA' || roleKey === 'roleB' ? world.roles[roleKey].id : null;
    const response = await write(person, { serviceRoleId, visibility, body: 'Yritys' });
    expect(response.status).toBe(status);
    if (status !== 201) expect(await testApp.database.db.select().from(notes)).toHaveLength(before.length);
  });

  it('when notes are paged, then pages follow each other without gaps', async () => {
    const agent = await agentOf('coordinator');
    const first = noteListSchema.parse((await agent.get(`${notesUrl()}?limit=2`)).body);
    expect(first.notes).toHaveLength(2);
    const second = noteListSchema.parse((await agent.get(`${notesUrl()}?limit=2&before=${first.nextBefore}`)).body);
    const all = noteListSchema.parse((await agent.get(`${notesUrl()}?limit=100`)).body);
    expect([...first.notes, ...second.notes].map((note) => note.id)).toEqual(all.notes.slice(0, 4).map((note) => note.id));
  });

  describe('PATCH own note', () => {
    it('when the author corrects their note, then it is versioned; someone else gets 403 or 404; a stale version 409', async () => {
      const id = written['A perheelle']!;
      const url = `${notesUrl()}/${id}`;
      const updated = await (await agentOf('workerA')).patch(url).send({ body: 'A perheelle (korjattu)', version: 1 });
      expect(updated.status).toBe(200);
      expect(noteSchema.parse(updated.body)).toMatchObject({ body: 'A perheelle (korjattu)', version: 2 });

      expect((await (await agentOf('coordinator')).patch(url).send({ body: 'x', version: 2 })).status).toBe(403);
      expect((await (await agentOf('workerB')).patch(url).send({ body: 'x', version: 2 })).status).toBe(404);
      const stale = await (await agentOf('workerA')).patch(url).send({ body: 'x', version: 1 });
      expect(stale.status).toBe(409);
      expect(stale.body.current).toMatchObject({ id, version: 2, body: 'A perheelle (korjattu)' });
    });

    it('when the family tries to make its note professionals-only, then 403', async () => {
      const created = await write('guardian', { serviceRoleId: null, visibility: 'family', body: 'Oma' });
      const response = await (
        await agentOf('guardian')
      )
        .patch(`${notesUrl()}/${created.body.id}`)
        .send({ visibility: 'professionals', version: 1 });
      expect(response.status).toBe(403);
    });
  });

  it('when the case is closed, then no note can be written', async () => {
    await testApp.database.db.update(families).set({ status: 'closed' }).where(eq(families.id, world.family.id));
    const response = await write('coordinator', { serviceRoleId: null, visibility: 'family', body: 'Suljettu' });
    await testApp.database.db.update(families).set({ status: 'active' }).where(eq(families.id, world.family.id));
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('case_closed');
  });

  it('when the body is wrong, then 400', async () => {
    const response = await write('coordinator', { serviceRoleId: null, visibility: 'secret', body: '' });
    expect(response.status).toBe(400);
    expect(response.body.errors.map((error: { path: string }) => error.path).sort()).toEqual(['body.body', 'body.visibility']);
  });

  it('when a note is longer than the limit, then 400 names the body and nothing is saved; a note at the limit is kept whole', async () => {
    const count = async () => (await testApp.database.db.select().from(notes).where(eq(notes.familyId, world.family.id))).length;
    const before = await count();
    const long = await write('coordinator', {
      serviceRoleId: null,
      visibility: 'professionals',
      body: 'x'.repeat(NOTE_BODY_MAX_LENGTH + 1),
    });
    expect(long.status).toBe(400);
    expect(long.body.errors).toEqual([expect.objectContaining({ path: 'body.body' })]);
    expect(await count()).toBe(before);

    const full = await write('coordinator', {
      serviceRoleId: null,
      visibility: 'professionals',
      body: 'y'.repeat(NOTE_BODY_MAX_LENGTH),
    });
    expect(noteSchema.parse(full.body).body).toHaveLength(NOTE_BODY_MAX_LENGTH);
    const corrected = await (
      await agentOf('coordinator')
    )
      .patch(`${notesUrl()}/${full.body.id}`)
      .send({ body: 'z'.repeat(NOTE_BODY_MAX_LENGTH + 1), version: full.body.version });
    expect(corrected.status).toBe(400);
    const [row] = await testApp.database.db.select().from(notes).where(eq(notes.id, full.body.id));
    expect(row).toMatchObject({ body: 'y'.repeat(NOTE_BODY_MAX_LENGTH), version: full.body.version });
  });
});
