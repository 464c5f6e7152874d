import { familyListSchema, type FamilyList } from '@yhdessa/shared';
import { and, eq, inArray } from 'drizzle-orm';
import { auditEvents } from '../../db/tables/audit';
import { comments } from '../../db/tables/comments';
import { reviews } from '../../db/tables/reviews';
import { buildAccount, buildAction, buildFamily, buildGoal, buildMember, buildServiceRole } from '../../test/factories';
import { signInAs, startTestApp, type TestApp } from '../../test/test-app';
import { buildWorld, type PersonKey, type World } from '../../test/world';

jest.setTimeout(90_000);

let testApp: TestApp;
let world: World;
/** The coordinator's families built here, by what needs them. */
const built: Record<string, string> = {};
const helsinkiDate = (daysFromToday: number) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Helsinki' }).format(new Date(Date.now() + daysFromToday * 86_400_000));

/*
 * Besides the world's Perhe Testinen (overdue actions are added to it below; it has service C's
 * unanswered invitation) the coordinator has a family for each reason, some that need nothing,
 * and a closed one whose overdue action needs no one.
 */
beforeAll(async () => {
  testApp = await startTestApp();
  const db = testApp.database.db;
  world = await buildWorld(db);
  const coordinatorId = world.people.coordinator.id;
  const family = (name: string, status: 'active' | 'closed' = 'active') =>
    buildFamily(db, { coordinatorId, name, status }).then((row) => (built[name] = row.id));

  await buildAction(db, world.family.id, { serviceRoleId: world.roles.roleB.id, title: 'B myöhässä', dueOn: helsinkiDate(-2) });

  const longOverdue = await family('Perhe Aaltonen');
  await buildAction(db, longOverdue, { title: 'Kauan myöhässä', dueOn: helsinkiDate(-30) });
  await buildAction(db, longOverdue, { title: 'Tehty', dueOn: helsinkiDate(-40), status: 'done' });

  const commented = await family('Perhe Kommentoija');
  const guardian = await buildAccount(db, { role: 'family', name: 'Huoltaja Kommentoija' });
  await buildMember(db, commented, { accountId: guardian.id });
  const goal = await buildGoal(db, commented, 'Kysymys');
  const answeredGoal = await buildGoal(db, commented, 'Vastattu');
  await db.insert(comments).values([
    {
      familyId: commented,
      goalId: goal.id,
      body: 'Milloin?',
      authorId: guardian.id,
      createdAt: new Date(Date.now() - 3_600_000),
    },
    {
      familyId: commented,
      goalId: answeredGoal.id,
      body: 'Entä?',
      authorId: guardian.id,
      createdAt: new Date(Date.now() - 7_200_000),
    },
    { familyId: commented, goalId: answeredGoal.id, body: 'Ensi viikolla.', authorId: coordinatorId },
  ]);

  const reviewSoon = await family('Perhe Palaveri');
  await db.insert(reviews).values({ familyId: reviewSoon, scheduledOn: helsinkiDate(3) });
  const reviewMissed = await family('Perhe Unohtunut');
  await db.insert(reviews).values({ familyId: reviewMissed, scheduledOn: helsinkiDate(-1) });
  const reviewFar = await family('Perhe Kaukainen');
  await db.insert(reviews).values({ familyId: reviewFar, scheduledOn: helsinkiDate(40) });

  await family('Perhe Bäckman');
  const closed = await family('Perhe Suljettu', 'closed');
  await buildAction(db, closed, { title: 'Jäi kesken', dueOn: helsinkiDate(-10) });

  // Service A works with one more family; the overdue action there is the school's (B), not A's.
  const shared = await family('Perhe Yhteinen');
  const roleA = await buildServiceRole(db, shared, world.services.serviceA.id);
  await buildAction(db, shared, { serviceRoleId: roleA.id, title: 'A tulossa', dueOn: helsinkiDate(5) });
  const roleB = await buildServiceRole(db, shared, world.services.serviceB.id);
  await buildAction(db, shared, { serviceRoleId: roleB.id, title: 'B myöhässä', dueOn: helsinkiDate(-1) });
});
afterAll(() => testApp.close());

const agentOf = (person: PersonKey) => signInAs(testApp.app, world.people[person]);
type TestAgent = Awaited<ReturnType<typeof signInAs>>;

async function listOf(agent: TestAgent, query = ''): Promise<FamilyList> {
  const response = await agent.get(`/api/families${query}`);
  expect(response.status).toBe(200);
  return familyListSchema.parse(response.body);
}

/** Every page, following the cursors, `limit` at a time. */
async function allPages(agent: TestAgent, query: string, limit: number): Promise<FamilyList[]> {
  const pages = [await listOf(agent, `?${query}&limit=${limit}`)];
  while (pages.at(-1)!.nextCursor) pages.push(await listOf(agent, `?${query}&limit=${limit}&cursor=${pages.at(-1)!.nextCursor}`));
  return pages;
}

const names = (pages: FamilyList[]) => pages.flatMap((page) => page.families.map((family) => family.name));

describe('GET /api/families, sorted by attention', () => {
  it('when the coordinator opens their list, then overdue comes first, the longest overdue first, then unanswered, then reviews due, then the rest by name', async () => {
    const list = await listOf(await agentOf('coordinator'));
    expect(list.sort).toBe('attention');
    expect(list.families.map((family) => [family.name, family.attention?.reason])).toEqual([
      ['Perhe Aaltonen', 'overdue'],
      ['Perhe Testinen', 'overdue'],
      ['Perhe Yhteinen', 'overdue'],
      ['Perhe Kommentoija', 'unanswered'],
      ['Perhe Unohtunut', 'reviewDue'],
      ['Perhe Palaveri', 'reviewDue'],
      ['Perhe Bäckman', null],
      ['Perhe Kaukainen', null],
      ['Perhe Suljettu', null],
    ]);
    expect(list).toMatchObject({ count: 9, attentionCount: 6, nextCursor: null });
    const byName = new Map(list.families.map((family) => [family.name, family]));
    expect(byName.get('Perhe Testinen')!.attention).toEqual({
      reason: 'overdue',
      overdueActionCount: 1,
      unansweredInvitationCount: 1,
      unansweredCommentCount: 0,
      reviewDueOn: null,
    });
    // Of two threads, the one the coordinator has answered no longer waits.
    expect(byName.get('Perhe Kommentoija')!.attention).toMatchObject({ unansweredCommentCount: 1 });
    expect(byName.get('Perhe Unohtunut')!.attention!.reviewDueOn).toBe(helsinkiDate(-1));
    // A closed case needs no one, though its card still counts what was left overdue.
    expect(byName.get('Perhe Suljettu')).toMatchObject({
      overdueActionCount: 1,
      attention: { reason: null, overdueActionCount: 0 },
    });
  });

  it("when a worker opens their list, then only their own services' work makes a family need them", async () => {
    const list = await listOf(await agentOf('workerA'));
    expect(list.families.map((family) => [family.name, family.attention?.reason ?? null])).toEqual([
      ['Perhe Testinen', null],
      ['Perhe Yhteinen', null],
    ]);
    expect(list.attentionCount).toBe(0);
    const school = await listOf(await agentOf('workerB'));
    expect(school.families.map((family) => [family.name, family.attention?.reason])).toEqual([
      ['Perhe Testinen', 'overdue'],
      ['Perhe Yhteinen', 'overdue'],
    ]);
  });

  it("when a worker's service is invited to a family they work with, then that invitation waits for them", async () => {
    const db = testApp.database.db;
    const family = await buildFamily(db, { coordinatorId: world.people.otherCoordinator.id, name: 'Perhe Kutsuva' });
    await buildServiceRole(db, family.id, world.services.serviceC.id);
    const worker = await buildAccount(db, {
      role: 'worker',
      serviceIds: [world.services.serviceC.id, world.services.serviceB.id],
      name: 'Kahden palvelun työntekijä',
    });
    await buildServiceRole(db, family.id, world.services.serviceB.id, { status: 'invited' });
    const list = await listOf(await signInAs(testApp.app, worker), '?q=kutsuva');
    expect(list.families[0]!.attention).toMatchObject({ reason: 'unanswered', unansweredInvitationCount: 1 });
  });

  it('when a family member opens their list, then it is by name and not weighed', async () => {
    const list = await listOf(await agentOf('guardian'));
    expect(list).toMatchObject({ sort: 'name', count: 1, attentionCount: 0 });
    expect(list.families.map((family) => [family.name, family.attention])).toEqual([['Perhe Testinen', null]]);
  });
});

describe('GET /api/families, a page at a time', () => {
  it.each(['attention', 'name', 'changed'])(
    'when the coordinator pages through by %s, one family a page, then every family comes once, in the order of the whole list',
    async (sort) => {
      const agent = await agentOf('coordinator');
      const whole = await listOf(agent, `?sort=${sort}`);
      const pages = await allPages(agent, `sort=${sort}`, 2);
      expect(pages).toHaveLength(5);
      expect(names(pages)).toEqual(whole.families.map((family) => family.name));
      for (const page of pages) expect(page).toMatchObject({ sort, count: 9, attentionCount: 6 });
    },
  );

  it('when the coordinator sorts by name, then the names run in alphabetical order', async () => {
    const list = await listOf(await agentOf('coordinator'), '?sort=name');
    expect(list.families.map((family) => family.name)).toEqual([
      'Perhe Aaltonen',
      'Perhe Bäckman',
      'Perhe Kaukainen',
      'Perhe Kommentoija',
      'Perhe Palaveri',
      'Perhe Suljettu',
      'Perhe Testinen',
      'Perhe Unohtunut',
      'Perhe Yhteinen',
    ]);
  });

  it('when a family changes, then it leads the list by last change', async () => {
    const agent = await agentOf('coordinator');
    const renamed = await agent.patch(`/api/families/${built['Perhe Kaukainen']}`).send({ name: 'Perhe Kaukainen', version: 1 });
    expect(renamed.status).toBe(200);
    const list = await listOf(agent, '?sort=changed&limit=1');
    expect(list.families.map((family) => family.name)).toEqual(['Perhe Kaukainen']);
    expect(list.families[0]!.changedAt >= renamed.body.updatedAt).toBe(true);
  });

  it('when the coordinator searches and filters, then paging and the counts keep to the matches', async () => {
    const agent = await agentOf('coordinator');
    const pages = await allPages(agent, 'q=perhe%20k', 1);
    expect(names(pages)).toEqual(['Perhe Kommentoija', 'Perhe Kaukainen']);
    expect(pages[0]).toMatchObject({ count: 2, attentionCount: 1 });
    const closed = await listOf(agent, '?status=closed');
    expect(closed).toMatchObject({ count: 1, attentionCount: 0 });
    expect(closed.families.map((family) => family.name)).toEqual(['Perhe Suljettu']);
  });

  it('when a page is read, then only the families on it are audited as read', async () => {
    const agent = await agentOf('coordinator');
    const startedAt = new Date();
    const page = await listOf(agent, '?sort=name&limit=2');
    const audited = await testApp.database.db
      .select({ familyId: auditEvents.familyId, occurredAt: auditEvents.occurredAt })
      .from(auditEvents)
      .where(and(eq(auditEvents.resource, 'family-summary'), eq(auditEvents.actorId, world.people.coordinator.id)));
    const now = audited.filter((row) => row.occurredAt >= startedAt).map((row) => row.familyId);
    expect(now.sort()).toEqual(page.families.map((family) => family.id).sort());
  });
});

describe('GET /api/families, who sees what', () => {
  it.each<[PersonKey, string[]]>([
    ['coordinator', []],
    ['otherCoordinator', ['Perhe Muu']],
    ['workerA', ['Perhe Testinen', 'Perhe Yhteinen']],
    ['workerB', ['Perhe Testinen', 'Perhe Yhteinen']],
    ['workerC', ['Perhe Muu']],
    ['guardian', ['Perhe Testinen']],
    ['youngMember', ['Perhe Testinen']],
    ['otherGuardian', ['Perhe Muu']],
  ])('when %s pages through their list, then every page and count holds only their families', async (person, expected) => {
    const agent = await agentOf(person);
    const pages = await allPages(agent, 'sort=name', 1);
    const mine = person === 'coordinator' ? Object.keys(built).concat('Perhe Testinen').sort() : expected;
    const seen = names(pages).filter((name) => name !== 'Perhe Kutsuva');
    expect(seen.sort()).toEqual([...mine].sort());
    expect(pages[0]!.count).toBe(names(pages).length);
  });

  it.each<PersonKey>(['manager', 'admin'])('when %s asks for the list, then 404', async (person) => {
    expect((await (await agentOf(person)).get('/api/families')).status).toBe(404);
  });

  it("when someone continues from another reader's family, then 400 and nothing of that list", async () => {
    const mine = await listOf(await agentOf('coordinator'), '?sort=name&limit=1');
    // The coordinator's cursor names one of their families; the other coordinator may not continue from it.
    const response = await (await agentOf('otherCoordinator')).get(`/api/families?sort=name&cursor=${mine.nextCursor}`);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'validation_failed', errors: [{ path: 'query.cursor' }] });
    expect(JSON.stringify(response.body)).not.toContain('Perhe Aaltonen');
  });
});

describe('GET /api/families, a cursor or query it cannot follow', () => {
  it('when the family a cursor continues after has left the list, then 400 says to start again', async () => {
    const db = testApp.database.db;
    const agent = await agentOf('otherCoordinator');
    const first = await buildFamily(db, { coordinatorId: world.people.otherCoordinator.id, name: 'Perhe A-lähtevä' });
    const page = await listOf(agent, '?sort=name&limit=1');
    expect(page.families[0]!.id).toBe(first.id);
    await agent.patch(`/api/families/${first.id}`).send({ status: 'closed', version: 1 });
    const next = await agent.get(`/api/families?sort=name&status=active&cursor=${page.nextCursor}`);
    expect(next.status).toBe(400);
    expect(next.body.errors).toEqual([{ path: 'query.cursor', message: expect.stringMatching(/first page/) }]);
  });

  it.each<[string, string]>([
    ['a cursor that is not one', 'cursor=bm90LWpzb24'],
    ['a cursor with characters no cursor has', 'cursor=abc%24'],
    ['a cursor of another sort', 'sort=changed&cursor=FROM_NAME'],
    ['a cursor of another list', 'cursor=FROM_ACTIONS'],
    ['a page too large', 'limit=101'],
    ['an empty page', 'limit=0'],
    ['an unknown sort', 'sort=age'],
  ])('when the query has %s, then 400 names the field', async (_case, query) => {
    const agent = await agentOf('coordinator');
    const byName = await listOf(agent, '?sort=name&limit=1');
    const fromActions = Buffer.from(
      JSON.stringify({ order: 'workspace-actions:coordinator', after: world.actions.actionA.id }),
    ).toString('base64url');
    const response = await agent.get(
      `/api/families?${query.replace('FROM_NAME', byName.nextCursor!).replace('FROM_ACTIONS', fromActions)}`,
    );
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.body.code).toBe('validation_failed');
    expect(response.body.errors.length).toBeGreaterThan(0);
  });

  it('when no limit is given, then a page holds 25', async () => {
    const db = testApp.database.db;
    const coordinator = await buildAccount(db, { role: 'coordinator', name: 'Koordinaattori Iso' });
    const ids = [];
    for (let index = 0; index < 26; index += 1)
      ids.push((await buildFamily(db, { coordinatorId: coordinator.id, name: `Perhe ${String(index).padStart(2, '0')}` })).id);
    const agent = await signInAs(testApp.app, coordinator);
    const first = await listOf(agent);
    expect(first.families).toHaveLength(25);
    expect(first.count).toBe(26);
    const second = await listOf(agent, `?cursor=${first.nextCursor}`);
    expect(second.families.map((family) => family.name)).toEqual(['Perhe 25']);
    expect(second.nextCursor).toBeNull();
    const audited = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.resource, 'family-summary'), inArray(auditEvents.familyId, ids)));
    expect(audited).toHaveLength(26);
  });
});
