import { notificationListSchema, notificationPreferencesSchema, unreadCountSchema } from '@yhdessa/shared';
import { and, eq, isNull } from 'drizzle-orm';
import request from 'supertest';
import { auditEvents } from '../../db/tables/audit';
import { notifications } from '../../db/tables/notifications';
import { serviceRoles } from '../../db/tables/service-roles';
import { signInAs, startTestApp, type TestApp } from '../../test/test-app';
import { buildWorld, type PersonKey, type World } from '../../test/world';
import { insertNotifications } from './notifications.repository';

let testApp: TestApp;
let world: World;
const agents = new Map<PersonKey, Awaited<ReturnType<typeof signInAs>>>();

beforeAll(async () => {
  testApp = await startTestApp();
  world = await buildWorld(testApp.database.db);
});
afterAll(() => testApp.close());

async function as(person: PersonKey) {
  if (!agents.has(person)) agents.set(person, await signInAs(testApp.app, world.people[person]));
  return agents.get(person)!;
}

async function addActionForServiceA(title: string): Promise<string> {
  const response = await (
    await as('coordinator')
  )
    .post(`/api/families/${world.family.id}/actions`)
    .send({ serviceRoleId: world.roles.roleA.id, title });
  expect(response.status).toBe(201);
  return response.body.id;
}

async function unreadOf(person: PersonKey): Promise<number> {
  const response = await (await as(person)).get('/api/notifications/unread-count');
  expect(response.status).toBe(200);
  return unreadCountSchema.parse(response.body).unread;
}

async function listOf(person: PersonKey, query = '') {
  const response = await (await as(person)).get(`/api/notifications${query}`);
  expect(response.status).toBe(200);
  return { ...notificationListSchema.parse(response.body), text: response.text };
}

async function readAllOf(person: PersonKey) {
  expect((await (await as(person)).post('/api/notifications/read-all')).status).toBe(204);
}

describe('the reader’s own notifications', () => {
  it('when a worker pages through, marks one read and then all, then the count follows and their other tabs are told', async () => {
    await readAllOf('workerA');
    const ids = [await addActionForServiceA('Eka'), await addActionForServiceA('Toka'), await addActionForServiceA('Kolmas')];
    expect(await unreadOf('workerA')).toBe(3);

    const first = await listOf('workerA', '?limit=2');
    expect(first.notifications.map((each) => each.itemId)).toEqual([ids[2], ids[1]]);
    expect(first.nextBefore).toBe(first.notifications[1]!.id);
    const second = await listOf('workerA', `?limit=2&before=${first.nextBefore}`);
    expect(second.notifications.map((each) => each.itemId)).toEqual([ids[0]]);
    expect(second.nextBefore).toBeNull();

    const worker = await as('workerA');
    expect((await worker.post(`/api/notifications/${first.notifications[0]!.id}/read`)).status).toBe(204);
    expect(await unreadOf('workerA')).toBe(2);
    expect(testApp.notified.at(-1)).toEqual({ accountIds: [world.people.workerA.id], change: { change: 'read' } });
    const [read] = (await listOf('workerA', '?limit=1')).notifications;
    expect(read!.readAt).not.toBeNull();

    await readAllOf('workerA');
    expect(await unreadOf('workerA')).toBe(0);
  });

  it('when the list names items, then each family named is written to the audit log as read', async () => {
    await addActionForServiceA('Audit');
    await listOf('workerA', '?limit=1');
    const rows = await testApp.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.resource, 'notification'), eq(auditEvents.actorId, world.people.workerA.id)));
    expect(rows.at(-1)).toMatchObject({ familyId: world.family.id, action: 'read', outcome: 'allowed', basis: 'service-role' });
  });

  it("when another account asks to mark someone's notification read, then it is not found and stays unread, and their list does not hold it", async () => {
    const itemId = await addActionForServiceA('Vain A:lle');
    const [own] = await testApp.database.db.select().from(notifications).where(eq(notifications.itemId, itemId));
    for (const person of ['workerB', 'guardian', 'coordinator'] as const) {
      const response = await (await as(person)).post(`/api/notifications/${own!.id}/read`);
      expect(response.status).toBe(404);
      expect((await listOf(person)).notifications.map((each) => each.id)).not.toContain(own!.id);
    }
    await (await as('workerB')).post('/api/notifications/read-all');
    const [after] = await testApp.database.db.select().from(notifications).where(eq(notifications.id, own!.id));
    expect(after!.readAt).toBeNull();
  });

  it('when the input is bad, or the caller has no notifications to have, then it is refused and nothing changes', async () => {
    const worker = await as('workerA');
    for (const query of ['?limit=0', '?limit=51', '?before=abc', '?kind=actionAssigned'])
      expect((await worker.get(`/api/notifications${query}`)).status).toBe(400);
    expect((await worker.post('/api/notifications/not-an-id/read')).status).toBe(400);
    expect((await worker.post('/api/notifications/00000000-0000-4000-8000-000000000000/read')).status).toBe(404);
    for (const body of [
      {},
      { preferences: [] },
      { preferences: [{ kind: 'gossip', inApp: true, emailDigest: false }] },
      { preferences: [{ kind: 'actionAssigned', inApp: 'yes', emailDigest: false }] },
      {
        preferences: [
          { kind: 'actionAssigned', inApp: true, emailDigest: false },
          { kind: 'actionAssigned', inApp: false, emailDigest: false },
        ],
      },
    ])
      expect((await worker.put('/api/notifications/preferences').send(body)).status).toBe(400);
    const foreignKind = await (
      await as('guardian')
    )
      .put('/api/notifications/preferences')
      .send({ preferences: [{ kind: 'invitationReceived', inApp: false, emailDigest: true }] });
    expect(foreignKind.status).toBe(400);
    expect(foreignKind.body.errors).toEqual([expect.objectContaining({ path: 'body.preferences.0.kind' })]);

    expect((await (await as('manager')).get('/api/notifications')).status).toBe(404);
    expect((await (await as('admin')).get('/api/notifications/unread-count')).status).toBe(404);
    expect((await request(testApp.app).get('/api/notifications')).status).toBe(401);
    expect((await request(testApp.app).post('/api/notifications/read-all')).status).toBe(401);
  });
});

describe('what the reader may see now', () => {
  it('when the family withdraws the consent the item needs, then its notification is left out, title and all, and comes back with the consent', async () => {
    await readAllOf('workerA');
    // Made while the goals were shared with service A (a worker is told of goal comments only so).
    await insertNotifications(
      [
        {
          accountId: world.people.workerA.id,
          familyId: world.family.id,
          kind: 'commentAdded',
          itemId: world.goal.id,
          serviceRoleId: null,
          details: { on: 'goal', title: 'Aamut sujuvat' },
          actorId: world.people.guardian.id,
          occasion: null,
        },
      ],
      testApp.database.db,
    );
    expect((await listOf('workerA')).text).toContain('Aamut sujuvat');
    expect(await unreadOf('workerA')).toBe(1);

    const consent = (granted: boolean) =>
      as('guardian').then((guardian) =>
        guardian
          .post(`/api/families/${world.family.id}/consents`)
          .send({ serviceId: world.services.serviceA.id, part: 'goals', granted }),
      );
    expect((await consent(false)).status).toBe(200);
    const hidden = await listOf('workerA');
    expect(hidden.text).not.toContain('Aamut sujuvat');
    expect(hidden.notifications.map((each) => each.itemId)).not.toContain(world.goal.id);
    expect(await unreadOf('workerA')).toBe(1); // the consent change itself, about service A's own part

    expect((await consent(true)).status).toBe(200);
    expect((await listOf('workerA')).text).toContain('Aamut sujuvat');
  });

  it("when the family keeps a service's role from the other services, then another service's notification about its action is left out", async () => {
    await readAllOf('workerB');
    await insertNotifications(
      [
        {
          accountId: world.people.workerB.id,
          familyId: world.family.id,
          kind: 'commentAdded',
          itemId: world.actions.actionA.id,
          serviceRoleId: world.roles.roleA.id,
          details: { on: 'action', title: 'Kotikäynti A' },
          actorId: world.people.guardian.id,
          occasion: null,
        },
      ],
      testApp.database.db,
    );
    expect((await listOf('workerB')).text).toContain('Kotikäynti A');

    const [role] = await testApp.database.db.select().from(serviceRoles).where(eq(serviceRoles.id, world.roles.roleA.id));
    const hide = await (
      await as('guardian')
    )
      .patch(`/api/families/${world.family.id}/service-roles/${world.roles.roleA.id}/visibility`)
      .send({ hiddenFromOtherServices: true, version: role!.version });
    expect(hide.status).toBe(200);

    const list = await listOf('workerB');
    expect(list.text).not.toContain('Kotikäynti A');
    expect(await unreadOf('workerB')).toBe(0);
    // Service A hears that its own part changed, and still sees it.
    const [latest] = (await listOf('workerA', '?limit=1')).notifications;
    expect(latest).toMatchObject({ kind: 'serviceRoleChanged', itemId: world.roles.roleA.id, details: { change: 'updated' } });
  });
});

describe('preferences', () => {
  it('when a worker reads them first, then every kind their role receives is listed, in the app and not by e-mail', async () => {
    const response = await (await as('workerA')).get('/api/notifications/preferences');
    expect(response.status).toBe(200);
    const { preferences } = notificationPreferencesSchema.parse(response.body);
    expect(preferences).toContainEqual({ kind: 'actionAssigned', inApp: true, emailDigest: false });
    expect(preferences.map((each) => each.kind)).not.toContain('handoverRequested');
  });

  it('when a kind is turned off, then nothing is made of it; when only its e-mail is on, it is kept for the digest but not shown or pushed', async () => {
    const worker = await as('workerA');
    await readAllOf('workerA');
    const off = await worker
      .put('/api/notifications/preferences')
      .send({ preferences: [{ kind: 'actionAssigned', inApp: false, emailDigest: false }] });
    expect(off.status).toBe(200);
    expect(off.body.preferences).toContainEqual({ kind: 'actionAssigned', inApp: false, emailDigest: false });
    const silent = await addActionForServiceA('Ei kenellekään');
    expect(await testApp.database.db.select().from(notifications).where(eq(notifications.itemId, silent))).toEqual([]);

    await worker
      .put('/api/notifications/preferences')
      .send({ preferences: [{ kind: 'actionAssigned', inApp: false, emailDigest: true }] });
    const pushesBefore = testApp.notified.length;
    const mailed = await addActionForServiceA('Vain sähköpostiin');
    const stored = await testApp.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.itemId, mailed), isNull(notifications.readAt)));
    expect(stored).toHaveLength(1);
    expect(testApp.notified.length).toBe(pushesBefore);
    expect(await unreadOf('workerA')).toBe(0);
    expect((await listOf('workerA')).text).not.toContain('Vain sähköpostiin');

    await worker
      .put('/api/notifications/preferences')
      .send({ preferences: [{ kind: 'actionAssigned', inApp: true, emailDigest: false }] });
    expect((await listOf('workerA')).text).toContain('Vain sähköpostiin');
  });
});
