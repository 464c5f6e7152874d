import { activitySchema, type ActivityEntry } from '@yhdessa/shared';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { auditEvents } from '../../db/tables/audit';
import { familyEvents } from '../../db/tables/family-events';
import { reviews } from '../../db/tables/reviews';
import { serviceRoles } from '../../db/tables/service-roles';
import { buildAccount, buildAction, buildService, buildServiceRole } from '../../test/factories';
import { signInAs, startTestApp, type TestApp } from '../../test/test-app';
import { buildWorld, type World } from '../../test/world';

jest.setTimeout(120_000);

let testApp: TestApp;
let world: World;
/** A worker whose service the family keeps from the other services. */
let workerD: Awaited<ReturnType<typeof buildAccount>>;
let actionD: Awaited<ReturnType<typeof buildAction>>;
let reviewId: string;

type Reader = keyof World['people'] | 'workerD';
const agentOf = (reader: Reader) => signInAs(testApp.app, reader === 'workerD' ? workerD : world.people[reader]);

async function activityOf(reader: Reader, query = ''): Promise<ActivityEntry[]> {
  const response = await (await agentOf(reader)).get(`/api/families/${world.family.id}/activity${query}`);
  expect(response.status).toBe(200);
  return activitySchema.parse(response.body).entries;
}

/** The lines as "type: title" pairs, newest first, for comparing what each reader sees. */
const summary = (entries: ActivityEntry[]) => entries.map((entry) => `${entry.type}: ${entry.item.title ?? '–'}`);

beforeAll(async () => {
  testApp = await startTestApp();
  const db = testApp.database.db;
  world = await buildWorld(db);
  const serviceD = await buildService(db, world.services.serviceA.organisationId, 'Aikuisten mielenterveyspalvelut');
  workerD = await buildAccount(db, { role: 'worker', serviceIds: [serviceD.id], name: 'Työntekijä D' });
  const roleD = await buildServiceRole(db, world.family.id, serviceD.id);
  await db.update(serviceRoles).set({ hiddenFromOtherServices: true }).where(eq(serviceRoles.id, roleD.id));
  actionD = await buildAction(db, world.family.id, { serviceRoleId: roleD.id, title: 'Vastaanotto D' });
  const [review] = await db.insert(reviews).values({ familyId: world.family.id, scheduledOn: '2030-01-15' }).returning();
  reviewId = review!.id;

  const { family, actions, roles, services } = world;
  const changes: Array<[Reader, (agent: Awaited<ReturnType<typeof agentOf>>) => Promise<{ status: number }>]> = [
    [
      'workerA',
      (agent) => agent.patch(`/api/families/${family.id}/actions/${actions.actionA.id}`).send({ status: 'done', version: 1 }),
    ],
    [
      'workerB',
      (agent) =>
        agent.patch(`/api/families/${family.id}/actions/${actions.actionB.id}`).send({ status: 'in_progress', version: 1 }),
    ],
    [
      'workerB',
      (agent) => agent.patch(`/api/families/${family.id}/actions/${actions.actionB.id}`).send({ status: 'done', version: 2 }),
    ],
    [
      'workerB',
      (agent) =>
        agent
          .patch(`/api/families/${family.id}/actions/${actions.actionB.id}`)
          .send({ title: 'Tapaaminen B, siirretty', version: 3 }),
    ],
    [
      'workerA',
      (agent) =>
        agent.post(`/api/families/${family.id}/notes`).send({
          serviceRoleId: roles.roleA.id,
          body: 'Kotikäynti sujui.\nLapset olivat koulussa.',
          visibility: 'professionals',
        }),
    ],
    [
      'coordinator',
      (agent) =>
        agent
          .post(`/api/families/${family.id}/notes`)
          .send({ serviceRoleId: null, body: 'Seuraava tapaaminen on sovittu', visibility: 'family' }),
    ],
    ['guardian', (agent) => agent.post(`/api/families/${family.id}/goals`).send({ title: 'Koulumatkat sujuvat' })],
    ['workerD', (agent) => agent.patch(`/api/families/${family.id}/actions/${actionD.id}`).send({ status: 'done', version: 1 })],
    ['workerD', (agent) => agent.post(`/api/families/${family.id}/reviews/${reviewId}/agenda`).send({ title: 'Jaksaminen' })],
    [
      'guardian',
      (agent) =>
        agent
          .post(`/api/families/${family.id}/consents`)
          .send({ serviceId: services.serviceA.id, part: 'assessment', granted: true }),
    ],
  ];
  for (const [reader, change] of changes) {
    const response = await change(await agentOf(reader));
    expect(response.status).toBeLessThan(300);
  }
});
afterAll(() => testApp.close());

describe('GET /api/families/:familyId/activity', () => {
  it('when the coordinator reads it, then every change is a line, newest first, naming who, what and the status set', async () => {
    const entries = await activityOf('coordinator');

    expect(summary(entries)).toEqual([
      'consent.changed: –',
      'agendaItem.created: Jaksaminen',
      'action.updated: Vastaanotto D',
      'goal.created: Koulumatkat sujuvat',
      'note.created: Seuraava tapaaminen on sovittu',
      'note.created: Kotikäynti sujui.',
      'action.updated: Tapaaminen B, siirretty',
      'action.updated: Kotikäynti A',
    ]);
    const [consent, agenda, hiddenAction, , , , grouped, done] = entries;
    expect(done).toMatchObject({
      actor: { name: 'Työntekijä A', role: 'worker', service: { fi: 'Perhetyö' }, relation: null },
      item: { id: world.actions.actionA.id, title: 'Kotikäynti A' },
      status: 'done',
      count: 1,
    });
    expect(grouped).toMatchObject({ actor: { name: 'Työntekijä B' }, count: 3, status: null, version: 4 });
    expect(Date.parse(grouped!.firstAt)).toBeLessThanOrEqual(Date.parse(grouped!.lastAt));
    expect(hiddenAction).toMatchObject({
      actor: { name: 'Työntekijä D', service: { fi: 'Aikuisten mielenterveyspalvelut' } },
      status: 'done',
    });
    expect(agenda).toMatchObject({ actor: { name: 'Työntekijä D' }, item: { title: 'Jaksaminen' } });
    expect(consent).toMatchObject({
      actor: { name: 'Huoltaja Testinen', role: 'family', relation: 'guardian' },
      item: { service: { fi: 'Perhetyö' } },
      consent: { part: 'assessment', granted: true },
    });
  });

  it('when a worker whose service the family shares goals with reads it, then they see what they would hear of live, named as far as they may read it', async () => {
    const entries = await activityOf('workerA');

    expect(summary(entries)).toEqual([
      'consent.changed: –',
      'agendaItem.created: Jaksaminen',
      'goal.created: Koulumatkat sujuvat',
      'note.created: Kotikäynti sujui.',
      'action.updated: Tapaaminen B, siirretty',
      'action.updated: Kotikäynti A',
    ]);
    // Consents are the family's: a service hears that they changed, not what.
    expect(entries[0]).toMatchObject({ consent: null, item: { service: null } });
    // The hidden service's worker stays nameless to other services.
    expect(entries[1]!.actor).toEqual({ name: null, role: 'worker', service: null, relation: null });
  });

  it('when a worker whose service the family shares nothing with reads it, then goals and other services’ notes are left out', async () => {
    expect(summary(await activityOf('workerB'))).toEqual([
      'consent.changed: –',
      'agendaItem.created: Jaksaminen',
      'action.updated: Tapaaminen B, siirretty',
      'action.updated: Kotikäynti A',
    ]);
  });

  it("when the hidden service's worker reads it, then they see their own changes under their own name", async () => {
    const entries = await activityOf('workerD');
    expect(summary(entries)).toEqual([
      'consent.changed: –',
      'agendaItem.created: Jaksaminen',
      'action.updated: Vastaanotto D',
      'action.updated: Tapaaminen B, siirretty',
      'action.updated: Kotikäynti A',
    ]);
    expect(entries[1]!.actor).toMatchObject({ name: 'Työntekijä D', service: { fi: 'Aikuisten mielenterveyspalvelut' } });
  });

  it('when a family member reads it, then notes written only for professionals are left out and the rest is named', async () => {
    for (const member of ['guardian', 'youngMember'] as const)
      expect(summary(await activityOf(member))).toEqual([
        'consent.changed: –',
        'agendaItem.created: Jaksaminen',
        'action.updated: Vastaanotto D',
        'goal.created: Koulumatkat sujuvat',
        'note.created: Seuraava tapaaminen on sovittu',
        'action.updated: Tapaaminen B, siirretty',
        'action.updated: Kotikäynti A',
      ]);
    const [consent] = await activityOf('youngMember');
    expect(consent).toMatchObject({ consent: { part: 'assessment', granted: true } });
  });

  it('when someone with no relationship to the family asks, then the answer is 404 and the refusal is audited', async () => {
    for (const reader of ['otherCoordinator', 'otherGuardian', 'manager', 'admin'] as const) {
      const response = await (await agentOf(reader)).get(`/api/families/${world.family.id}/activity`);
      expect(response.status).toBe(404);
    }
    // Service C is only invited to this family, and works in another: neither opens the activity.
    expect((await (await agentOf('workerC')).get(`/api/families/${world.family.id}/activity`)).status).toBe(404);
    const refusals = await testApp.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.actorId, world.people.workerC.id), eq(auditEvents.resource, 'activity')));
    expect(refusals).toEqual([expect.objectContaining({ outcome: 'denied', familyId: world.family.id })]);
  });

  it('when the query is malformed, then the answer is 400 and names the field', async () => {
    const agent = await agentOf('coordinator');
    for (const [query, field] of [
      ['?limit=0', 'query.limit'],
      ['?limit=51', 'query.limit'],
      ['?before=abc', 'query.before'],
      ['?before=0', 'query.before'],
      ['?since=yesterday', 'query'],
    ]) {
      const response = await agent.get(`/api/families/${world.family.id}/activity${query}`);
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ code: 'validation_failed', errors: [expect.objectContaining({ path: field })] });
    }
  });

  it('when the feed is read, then the read is audited with who read how many lines', async () => {
    await activityOf('workerB', '?limit=3');
    const [read] = await testApp.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.actorId, world.people.workerB.id), eq(auditEvents.resource, 'activity')))
      .orderBy(desc(auditEvents.id))
      .limit(1);
    expect(read).toMatchObject({
      action: 'read',
      outcome: 'allowed',
      familyId: world.family.id,
      resourceId: world.family.id,
      basis: 'service-role',
      detail: { entries: 3 },
    });
  });

  it('when each line is set beside the audit log, then an allowed change of the same item by the same person records it, with the same status', async () => {
    const entries = await activityOf('coordinator');
    const changes = await testApp.database.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.familyId, world.family.id),
          eq(auditEvents.outcome, 'allowed'),
          inArray(auditEvents.action, ['create', 'update']),
        ),
      );
    const names = new Map(Object.values({ ...world.people, workerD }).map((person) => [person.name, person.id]));
    for (const entry of entries) {
      const about = entry.type === 'consent.changed' ? world.services.serviceA.id : entry.item.id;
      const recorded = changes.filter((row) => row.actorId === names.get(entry.actor!.name!) && row.resourceId === about);
      expect(recorded).not.toEqual([]);
      const statuses = recorded.map((row) => (row.detail as { status?: { to: string } } | null)?.status?.to);
      if (entry.status) expect(statuses).toContain(entry.status);
    }
  });

  it('when it is read page by page, then the pages join into the whole feed without a line split or repeated', async () => {
    const whole = await activityOf('coordinator');
    const agent = await agentOf('coordinator');
    const pages: ActivityEntry[][] = [];
    let before: number | null = null;
    do {
      const response = await agent.get(`/api/families/${world.family.id}/activity?limit=3${before ? `&before=${before}` : ''}`);
      const page = activitySchema.parse(response.body);
      pages.push(page.entries);
      before = page.nextBefore;
    } while (before !== null);
    expect(pages.map((page) => page.length)).toEqual([3, 3, 2]);
    expect(pages.flat()).toEqual(whole);
  });

  it('when one person changes one item again after more than 10 minutes, then that is a line of its own', async () => {
    const db = testApp.database.db;
    const agent = await agentOf('coordinator');
    const goal = await agent
      .patch(`/api/families/${world.family.id}/goals/${world.goal.id}`)
      .send({ title: 'Aamut sujuvat hyvin', version: 1 });
    expect(goal.status).toBe(200);
    const [first] = await db.select().from(familyEvents).orderBy(desc(familyEvents.seq)).limit(1);
    await db
      .update(familyEvents)
      .set({ occurredAt: sql`${familyEvents.occurredAt} - interval '11 minutes'` })
      .where(eq(familyEvents.seq, first!.seq));
    await agent.patch(`/api/families/${world.family.id}/goals/${world.goal.id}`).send({ title: 'Aamut sujuvat', version: 2 });
    await agent
      .patch(`/api/families/${world.family.id}/goals/${world.goal.id}`)
      .send({ title: 'Aamut sujuvat aina', version: 3 });

    const [newest, older] = await activityOf('coordinator', '?limit=2');
    expect(newest).toMatchObject({ type: 'goal.updated', item: { title: 'Aamut sujuvat aina' }, count: 2 });
    expect(older).toMatchObject({ type: 'goal.updated', count: 1 });
  });

  it('when the family withdraws a consent, then the lines of that part leave the service’s feed at once', async () => {
    const guardian = await agentOf('guardian');
    const withdrawn = await guardian
      .post(`/api/families/${world.family.id}/consents`)
      .send({ serviceId: world.services.serviceA.id, part: 'goals', granted: false });
    expect(withdrawn.status).toBe(200);

    const types = (await activityOf('workerA')).map((entry) => entry.type);
    expect(types).not.toContain('goal.created');
    expect(types).not.toContain('goal.updated');
    expect(types).toContain('action.updated');
  });

  it('when a review is completed, then services read of the review and the new plan version, and only the family and its coordinator of the feedback asked', async () => {
    const [held] = await testApp.database.db
      .insert(reviews)
      .values({ familyId: world.family.id, scheduledOn: '2025-01-15' })
      .returning();
    const completed = await (
      await agentOf('coordinator')
    )
      .post(`/api/families/${world.family.id}/reviews/${held!.id}/complete`)
      .send({ version: 1 });
    expect(completed.status).toBe(200);

    const newest = (entries: ActivityEntry[]) => entries.slice(0, 3).map((entry) => [entry.type, entry.status]);
    for (const reader of ['coordinator', 'guardian'] as const)
      expect(newest(await activityOf(reader))).toEqual([
        ['feedback.requested', null],
        ['plan.versioned', null],
        ['review.updated', 'completed'],
      ]);
    const [versioned, review] = await activityOf('workerA');
    expect(versioned).toMatchObject({ type: 'plan.versioned', version: 1 });
    expect(review).toMatchObject({ type: 'review.updated', status: 'completed', item: { day: '2025-01-15' } });
  });

  it('when a worker hears of few changes among many, then a page may end early, and its cursor still leads to every line', async () => {
    const coordinator = await agentOf('coordinator');
    for (let index = 0; index < 70; index += 1) {
      const note = { serviceRoleId: world.roles.roleA.id, body: `Kirjaus ${index}`, visibility: 'professionals' };
      expect((await coordinator.post(`/api/families/${world.family.id}/notes`).send(note)).status).toBe(201);
    }
    const whole = await activityOf('workerB', '?limit=50');
    const agent = await agentOf('workerB');
    const pages: ActivityEntry[][] = [];
    let before: number | null = null;
    do {
      const response = await agent.get(`/api/families/${world.family.id}/activity?limit=1${before ? `&before=${before}` : ''}`);
      const page = activitySchema.parse(response.body);
      pages.push(page.entries);
      before = page.nextBefore;
    } while (before !== null);
    // Workers of B hear of none of the 70 notes: the first page reads its batches and stops with no line.
    expect(pages[0]).toEqual([]);
    expect(pages.flat()).toEqual(whole);
  });
});
