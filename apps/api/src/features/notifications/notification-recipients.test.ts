import { notificationListSchema } from '@yhdessa/shared';
import { eq } from 'drizzle-orm';
import { notifications } from '../../db/tables/notifications';
import { buildAccount, buildService, buildServiceRole } from '../../test/factories';
import { helsinkiToday } from '../../test/dates';
import { signInAs, startTestApp, type TestApp } from '../../test/test-app';
import { buildWorld, type PersonKey, type World } from '../../test/world';

let testApp: TestApp;
let world: World;
const agents = new Map<string, Awaited<ReturnType<typeof signInAs>>>();

beforeAll(async () => {
  testApp = await startTestApp();
  world = await buildWorld(testApp.database.db);
});
afterAll(() => testApp.close());

async function as(person: PersonKey | { email: string; password: string }) {
  const account = typeof person === 'string' ? world.people[person] : person;
  if (!agents.has(account.email)) agents.set(account.email, await signInAs(testApp.app, account));
  return agents.get(account.email)!;
}

/** Who was notified of the item, by name of the world's people (or the account id), with the kind. */
async function notifiedOf(itemId: string): Promise<string[]> {
  const rows = await testApp.database.db
    .select({ accountId: notifications.accountId, kind: notifications.kind })
    .from(notifications)
    .where(eq(notifications.itemId, itemId));
  const names = new Map(Object.entries(world.people).map(([key, person]) => [person.id, key]));
  return rows.map((row) => `${names.get(row.accountId) ?? row.accountId} ${row.kind}`).sort();
}

/** Leaves out the accounts a test made for itself (named by id), keeping the world's people. */
const worldPeopleOnly = (lines: string[]) => lines.filter((line) => !/^[0-9a-f]{8}-/.test(line));

const familyPath = () => `/api/families/${world.family.id}`;

describe('who is notified of what', () => {
  it("when the coordinator adds an action to a service's role, then that service's workers are told, after commit, and no one else", async () => {
    const response = await (
      await as('coordinator')
    )
      .post(`${familyPath()}/actions`)
      .send({ serviceRoleId: world.roles.roleA.id, title: 'Uusi kotikäynti', dueOn: helsinkiToday(7) });
    expect(response.status).toBe(201);

    expect(await notifiedOf(response.body.id)).toEqual(['workerA actionAssigned']);
    expect(testApp.notified.at(-1)).toEqual({ accountIds: [world.people.workerA.id], change: { change: 'created' } });

    const list = await (await as('workerA')).get('/api/notifications');
    expect(list.status).toBe(200);
    const [first] = notificationListSchema.parse(list.body).notifications;
    expect(first).toMatchObject({
      kind: 'actionAssigned',
      family: { id: world.family.id, name: 'Perhe Testinen' },
      itemId: response.body.id,
      actor: { id: world.people.coordinator.id, name: 'Koordinaattori Yksi' },
      details: { title: 'Uusi kotikäynti', serviceName: { fi: 'Perhetyö' }, dueOn: helsinkiToday(7) },
      readAt: null,
    });
  });

  it("when the coordinator adds one of the family's own actions, then the members with a login are told", async () => {
    const response = await (
      await as('coordinator')
    )
      .post(`${familyPath()}/actions`)
      .send({ serviceRoleId: null, title: 'Perheen oma kokeilu' });
    expect(response.status).toBe(201);
    expect(await notifiedOf(response.body.id)).toEqual(['guardian actionAssigned', 'youngMember actionAssigned']);
  });

  it('when a worker adds an action to their own role, then their colleagues would be told but not they themselves', async () => {
    const response = await (
      await as('workerA')
    )
      .post(`${familyPath()}/actions`)
      .send({ serviceRoleId: world.roles.roleA.id, title: 'Oma muistiinpano' });
    expect(response.status).toBe(201);
    expect(await notifiedOf(response.body.id)).toEqual([]);
  });

  it("when the guardian comments on a service's action, then the coordinator and the action's service are told", async () => {
    const response = await (
      await as('guardian')
    )
      .post(`${familyPath()}/actions/${world.actions.actionA.id}/comments`)
      .send({ body: 'Sopiiko torstai?' });
    expect(response.status).toBe(201);
    expect(await notifiedOf(world.actions.actionA.id)).toEqual(['coordinator commentAdded', 'workerA commentAdded']);
  });

  it("when a worker comments on the family's goal, then the family is told; when the guardian does, the coordinator", async () => {
    const goalPath = `${familyPath()}/goals/${world.goal.id}/comments`;
    expect((await (await as('workerA')).post(goalPath).send({ body: 'Hyvä alku' })).status).toBe(201);
    expect(await notifiedOf(world.goal.id)).toEqual(['guardian commentAdded', 'youngMember commentAdded']);

    expect((await (await as('guardian')).post(goalPath).send({ body: 'Kiitos' })).status).toBe(201);
    expect(await notifiedOf(world.goal.id)).toEqual([
      'coordinator commentAdded',
      'guardian commentAdded',
      'youngMember commentAdded',
    ]);
  });

  it('when the guardian comments on the story, then the coordinator is told', async () => {
    const response = await (
      await as('guardian')
    )
      .post(`${familyPath()}/story/comments`)
      .send({ kind: 'correction-request', body: 'Muuttovuosi on väärin' });
    expect(response.status).toBe(201);
    expect(await notifiedOf(response.body.id)).toEqual(['coordinator commentAdded']);
  });

  it('when the coordinator invites a service, then its workers are told; when it answers, the coordinator is', async () => {
    const { db } = testApp.database;
    const serviceD = await buildService(db, world.services.serviceA.organisationId, 'Perheneuvola');
    const workerD = await buildAccount(db, { role: 'worker', serviceIds: [serviceD.id], name: 'Työntekijä D' });
    const invited = await (await as('coordinator')).post(`${familyPath()}/service-roles`).send({ serviceId: serviceD.id });
    expect(invited.status).toBe(201);
    expect(await notifiedOf(invited.body.id)).toEqual([`${workerD.id} invitationReceived`]);

    const list = notificationListSchema.parse((await (await as(workerD)).get('/api/notifications')).body);
    expect(list.notifications.map((each) => [each.kind, each.family.name])).toEqual([['invitationReceived', 'Perhe Testinen']]);

    const accepted = await (
      await as(workerD)
    )
      .post(`${familyPath()}/service-roles/${invited.body.id}/accept`)
      .send({ responsibleAccountId: workerD.id, version: invited.body.version });
    expect(accepted.status).toBe(200);
    expect(await notifiedOf(invited.body.id)).toEqual(
      ['coordinator invitationAnswered', `${workerD.id} invitationReceived`].sort(),
    );
  });

  it("when the coordinator changes or ends a service's role, then that service's workers are told", async () => {
    const { db } = testApp.database;
    const serviceE = await buildService(db, world.services.serviceA.organisationId, 'Rinnallakulkija');
    const workerE = await buildAccount(db, { role: 'worker', serviceIds: [serviceE.id] });
    const role = await buildServiceRole(db, world.family.id, serviceE.id);
    const coordinator = await as('coordinator');
    const updated = await coordinator
      .patch(`${familyPath()}/service-roles/${role.id}`)
      .send({ description: 'Arjen tuki', version: role.version });
    expect(updated.status).toBe(200);
    const ended = await coordinator.post(`${familyPath()}/service-roles/${role.id}/end`).send({ version: updated.body.version });
    expect(ended.status).toBe(200);
    expect(await notifiedOf(role.id)).toEqual([`${workerE.id} serviceRoleChanged`, `${workerE.id} serviceRoleChanged`]);

    // The family is closed to the service now; it still reads that its part ended, and nothing else of the plan.
    expect((await (await as(workerE)).get(familyPath() + '/plan')).status).toBe(404);
    const list = notificationListSchema.parse((await (await as(workerE)).get('/api/notifications')).body);
    expect(list.notifications.map((each) => each.details)).toEqual([
      { serviceName: { fi: 'Rinnallakulkija', en: 'Rinnallakulkija' }, change: 'ended', endsOn: helsinkiToday() },
    ]);
  });

  it('when the coordinator schedules and completes a review, then the services in the plan and the family are told, not the invited service', async () => {
    const coordinator = await as('coordinator');
    const scheduled = await coordinator.post(`${familyPath()}/reviews`).send({ scheduledOn: helsinkiToday() });
    expect(scheduled.status).toBe(201);
    const inPlan = ['guardian', 'workerA', 'workerB', 'youngMember'];
    expect(worldPeopleOnly(await notifiedOf(scheduled.body.id))).toEqual(inPlan.map((person) => `${person} reviewScheduled`));

    const completed = await coordinator
      .post(`${familyPath()}/reviews/${scheduled.body.id}/complete`)
      .send({ version: scheduled.body.version });
    expect(completed.status).toBe(200);
    const completions = (await notifiedOf(scheduled.body.id)).filter((line) => line.endsWith('reviewCompleted'));
    expect(worldPeopleOnly(completions)).toEqual(inPlan.map((person) => `${person} reviewCompleted`));
  });

  it("when the guardian changes a service's consent, then the coordinator and that service are told, not another service", async () => {
    const response = await (
      await as('guardian')
    )
      .post(`${familyPath()}/consents`)
      .send({ serviceId: world.services.serviceB.id, part: 'notes', granted: true });
    expect(response.status).toBe(200);
    const decisions = await testApp.database.db
      .select({ itemId: notifications.itemId })
      .from(notifications)
      .where(eq(notifications.kind, 'consentChanged'));
    expect(await notifiedOf(decisions[0]!.itemId)).toEqual(['coordinator consentChanged', 'workerB consentChanged']);
  });

  it('when a case is handed over, then the named coordinator is told, and sees only the family of it', async () => {
    const { db } = testApp.database;
    const family = await (await as('coordinator')).get(familyPath());
    const third = await buildAccount(db, { role: 'coordinator', name: 'Koordinaattori Kolme' });
    const requested = await (
      await as('coordinator')
    )
      .post(`${familyPath()}/handover`)
      .send({ toCoordinatorId: third.id, version: family.body.version });
    expect(requested.status).toBe(200);
    expect(await notifiedOf(world.family.id)).toEqual([`${third.id} handoverRequested`]);
    const list = notificationListSchema.parse((await (await as(third)).get('/api/notifications')).body);
    expect(list.notifications).toEqual([
      expect.objectContaining({ kind: 'handoverRequested', family: { id: world.family.id, name: 'Perhe Testinen' } }),
    ]);
    const withdrawn = await (
      await as('coordinator')
    )
      .post(`${familyPath()}/handover/decline`)
      .send({ version: requested.body.family.version });
    expect(withdrawn.status).toBe(200);
    // Withdrawn: the case is not theirs to see, nor the notification.
    expect(notificationListSchema.parse((await (await as(third)).get('/api/notifications')).body).notifications).toEqual([]);
  });

  it("when all of the above has happened, then no one outside the family (another family's worker, coordinator or guardian) was told of it", async () => {
    const outsiders = [world.people.workerC, world.people.otherCoordinator, world.people.otherGuardian, world.people.manager];
    for (const outsider of outsiders) {
      const rows = await testApp.database.db.select().from(notifications).where(eq(notifications.accountId, outsider.id));
      expect(rows).toEqual([]);
    }
  });
});
