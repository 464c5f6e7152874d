import {
  serviceInvitationListSchema,
  serviceInvitationSchema,
  serviceRoleSummarySchema,
  serviceRoleWorkersSchema,
} from '@yhdessa/shared';
import { and, eq } from 'drizzle-orm';
import { accounts } from '../../db/tables/accounts';
import { auditEvents } from '../../db/tables/audit';
import { families } from '../../db/tables/families';
import { mailOutbox } from '../../db/tables/mail-outbox';
import { services } from '../../db/tables/services';
import { buildAccount, buildService, buildServiceRole } from '../../test/factories';
import { signInAs, startTestApp, type TestApp } from '../../test/test-app';
import { buildWorld, type PersonKey, type World } from '../../test/world';
import { serviceRoles } from '../../db/tables/service-roles';

let testApp: TestApp;
let world: World;

beforeAll(async () => {
  testApp = await startTestApp();
  world = await buildWorld(testApp.database.db);
});
afterAll(() => testApp.close());

const agentOf = (person: PersonKey) => signInAs(testApp.app, world.people[person]);
async function roleRow(id: string) {
  const [row] = await testApp.database.db.select().from(serviceRoles).where(eq(serviceRoles.id, id));
  return row!;
}
const familyUrl = () => `/api/families/${world.family.id}`;

describe('inviting a service and answering the invitation', () => {
  it('when the coordinator invites a service, then it is invited by them; a second invitation answers 409', async () => {
    const service = await buildService(testApp.database.db, world.services.serviceA.organisationId, 'Uusi palvelu');
    const coordinator = await agentOf('coordinator');
    const response = await coordinator.post(`${familyUrl()}/service-roles`).send({ serviceId: service.id });
    expect(response.status).toBe(201);
    const role = serviceRoleSummarySchema.parse(response.body);
    expect(role.status).toBe('invited');
    expect(await roleRow(role.id)).toMatchObject({ invitedBy: world.people.coordinator.id, invitedAt: expect.any(Date) });
    expect(testApp.published.at(-1)).toMatchObject({ type: 'serviceRole.invited', id: role.id });

    const again = await coordinator.post(`${familyUrl()}/service-roles`).send({ serviceId: service.id });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('service_already_in_plan');
  });

  it('when the coordinator invites a service, then its workers hear of it by mail, the mail names no family, and no login is made', async () => {
    const db = testApp.database.db;
    const service = await buildService(db, world.services.serviceA.organisationId, 'Kuultava palvelu');
    const workers = [
      await buildAccount(db, { role: 'worker', serviceIds: [service.id] }),
      await buildAccount(db, { role: 'worker', serviceIds: [service.id] }),
    ];
    const accountsBefore = (await db.select().from(accounts)).length;
    const coordinator = await agentOf('coordinator');
    await coordinator.post(`${familyUrl()}/service-roles`).send({ serviceId: service.id }).expect(201);

    expect((await db.select().from(accounts)).length).toBe(accountsBefore);
    for (const worker of workers) {
      const [mail] = await db.select().from(mailOutbox).where(eq(mailOutbox.to, worker.email));
      expect(mail!.body).toContain('kutsuttiin mukaan perheen yhteiseen suunnitelmaan');
      expect(mail!.body).not.toContain(world.family.name);
    }
  });

  it('when the invited service has no workers yet, then the mail goes to the e-mail address in its contact details', async () => {
    const db = testApp.database.db;
    const service = await buildService(db, world.services.serviceA.organisationId, 'Uusi yhteistyökumppani');
    await db
      .update(services)
      .set({ contact: 'Vaihde 017 555 0000, toimisto@kumppani.example' })
      .where(eq(services.id, service.id));
    const coordinator = await agentOf('coordinator');
    await coordinator.post(`${familyUrl()}/service-roles`).send({ serviceId: service.id }).expect(201);
    expect(await db.select().from(mailOutbox).where(eq(mailOutbox.to, 'toimisto@kumppani.example'))).toHaveLength(1);
  });

  it.each<[PersonKey, number]>([
    ['workerA', 403],
    ['guardian', 403],
  ])('when %s tries to invite a service, then %i', async (person, status) => {
    const response = await (
      await agentOf(person)
    )
      .post(`${familyUrl()}/service-roles`)
      .send({ serviceId: world.services.serviceC.id });
    expect(response.status).toBe(status);
  });

  it("when a worker's service is only invited, then they see the invitation summary and their list, but nothing of the plan", async () => {
    const workerC = await agentOf('workerC');
    const summary = await workerC.get(`${familyUrl()}/service-roles/${world.roles.roleCInvited.id}/invitation`);
    expect(summary.status).toBe(200);
    expect(serviceInvitationSchema.parse(summary.body)).toMatchObject({
      familyName: 'Perhe Testinen',
      coordinator: { id: world.people.coordinator.id },
      status: 'invited',
    });
    expect(Object.keys(summary.body)).not.toContain('goals');

    const list = serviceInvitationListSchema.parse((await workerC.get('/api/service-roles/invitations')).body);
    expect(list.invitations.map((invitation) => invitation.serviceRoleId)).toContain(world.roles.roleCInvited.id);

    for (const path of ['/plan', '/notes', '/reviews', '/consents', '/plan/versions'])
      expect((await workerC.get(`${familyUrl()}${path}`)).status).toBe(404);
    expect((await workerC.get(`${familyUrl()}/service-roles/${world.roles.roleB.id}/invitation`)).status).toBe(404);
  });

  it('when the invited service accepts with a responsible worker of another service, then 400 and nothing changes', async () => {
    const before = await roleRow(world.roles.roleCInvited.id);
    const response = await (
      await agentOf('workerC')
    )
      .post(`${familyUrl()}/service-roles/${before.id}/accept`)
      .send({ responsibleAccountId: world.people.workerA.id, version: before.version });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ path: 'body.responsibleAccountId' })]);
    expect(await roleRow(before.id)).toEqual(before);
  });

  it('when the answer is based on a stale version, then 409 and nothing changes', async () => {
    const before = await roleRow(world.roles.roleCInvited.id);
    const response = await (
      await agentOf('workerC')
    )
      .post(`${familyUrl()}/service-roles/${before.id}/decline`)
      .send({ reason: 'Ei resursseja', version: before.version + 5 });
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ code: 'version_conflict', current: { id: before.id, status: 'invited' } });
    expect(await roleRow(before.id)).toEqual(before);
  });

  it('when the coordinator tries to answer for the service, then 403', async () => {
    const before = await roleRow(world.roles.roleCInvited.id);
    const response = await (
      await agentOf('coordinator')
    )
      .post(`${familyUrl()}/service-roles/${before.id}/decline`)
      .send({ reason: 'x', version: before.version });
    expect(response.status).toBe(403);
  });

  it('when the invited service declines, then the coordinator sees the reason and the worker has no access at all', async () => {
    const before = await roleRow(world.roles.roleCInvited.id);
    const workerC = await agentOf('workerC');
    const declined = await workerC
      .post(`${familyUrl()}/service-roles/${before.id}/decline`)
      .send({ reason: 'Ei resursseja juuri nyt', version: before.version });
    expect(declined.status).toBe(200);
    expect(declined.body).toMatchObject({ status: 'declined', version: before.version + 1 });
    expect(testApp.published.at(-1)).toMatchObject({ type: 'serviceRole.declined', id: before.id });

    const seen = await (await agentOf('coordinator')).get(`${familyUrl()}/service-roles/${before.id}/invitation`);
    expect(serviceInvitationSchema.parse(seen.body)).toMatchObject({
      status: 'declined',
      declineReason: 'Ei resursseja juuri nyt',
    });

    expect((await workerC.get(`${familyUrl()}/service-roles/${before.id}/invitation`)).status).toBe(404);
    expect((await workerC.get(`${familyUrl()}/plan`)).status).toBe(404);
    const again = await workerC.post(`${familyUrl()}/service-roles/${before.id}/accept`).send({
      responsibleAccountId: world.people.workerC.id,
      version: before.version + 1,
    });
    expect(again.status).toBe(404);
  });

  it('when an invited service accepts, then its worker reaches the plan', async () => {
    const invited = await buildServiceRole(testApp.database.db, world.otherFamily.id, world.services.serviceB.id, {
      status: 'invited',
    });
    const workerB = await agentOf('workerB');
    expect((await workerB.get(`/api/families/${world.otherFamily.id}/plan`)).status).toBe(404);
    const accepted = await workerB
      .post(`/api/families/${world.otherFamily.id}/service-roles/${invited.id}/accept`)
      .send({ responsibleAccountId: world.people.workerB.id, description: 'Tapaamiset koululla', version: invited.version });
    expect(accepted.status).toBe(200);
    expect(serviceRoleSummarySchema.parse(accepted.body)).toMatchObject({
      status: 'accepted',
      description: 'Tapaamiset koululla',
      responsibleWorker: { id: world.people.workerB.id, name: 'Työntekijä B' },
    });
    expect((await workerB.get(`/api/families/${world.otherFamily.id}/plan`)).status).toBe(200);
    const answeredAgain = await workerB
      .post(`/api/families/${world.otherFamily.id}/service-roles/${invited.id}/decline`)
      .send({ reason: 'x', version: accepted.body.version });
    expect(answeredAgain.status).toBe(409);
    expect(answeredAgain.body.code).toBe('invitation_answered');
  });
});

describe('GET /api/families/:familyId/service-roles/:serviceRoleId/workers', () => {
  it.each<[PersonKey, 'roleA' | 'roleB', number]>([
    ['workerA', 'roleA', 200],
    ['coordinator', 'roleA', 200],
    ['workerA', 'roleB', 403],
    ['guardian', 'roleA', 403],
    ['otherCoordinator', 'roleA', 404],
  ])(
    "when %s asks who may answer for %s, then %i, and only the service's workers are listed",
    async (person, roleKey, status) => {
      const response = await (await agentOf(person)).get(`${familyUrl()}/service-roles/${world.roles[roleKey].id}/workers`);
      expect(response.status).toBe(status);
      if (status === 200)
        expect(serviceRoleWorkersSchema.parse(response.body).workers).toEqual([
          { id: world.people.workerA.id, name: world.people.workerA.name },
        ]);
    },
  );
});

describe('PATCH /api/families/:familyId/service-roles/:serviceRoleId', () => {
  it.each<[PersonKey, 'roleA' | 'roleB', number]>([
    ['workerA', 'roleA', 200],
    ['workerA', 'roleB', 403],
    ['coordinator', 'roleB', 200],
    ['guardian', 'roleA', 403],
    ['otherCoordinator', 'roleA', 404],
  ])('when %s edits %s, then %i; a refusal changes nothing', async (person, roleKey, status) => {
    const before = await roleRow(world.roles[roleKey].id);
    const response = await (
      await agentOf(person)
    )
      .patch(`${familyUrl()}/service-roles/${before.id}`)
      .send({ description: `Kuvaus ${person}`, version: before.version });
    expect(response.status).toBe(status);
    if (status === 200)
      expect(await roleRow(before.id)).toMatchObject({ description: `Kuvaus ${person}`, version: before.version + 1 });
    else expect(await roleRow(before.id)).toEqual(before);
  });

  it('when a worker sends the dates the coordinator owns on their own role (clearing its end date), then 403, audited, and nothing changes', async () => {
    const coordinator = await agentOf('coordinator');
    const set = await coordinator
      .patch(`${familyUrl()}/service-roles/${world.roles.roleA.id}`)
      .send({ endsOn: '2031-06-30', version: (await roleRow(world.roles.roleA.id)).version });
    expect(set.status).toBe(200);
    const before = await roleRow(world.roles.roleA.id);
    const worker = await agentOf('workerA');
    for (const change of [{ endsOn: null }, { startsOn: '2020-01-01' }, { description: 'Oma kuvaus', endsOn: '2099-12-31' }]) {
      const response = await worker
        .patch(`${familyUrl()}/service-roles/${before.id}`)
        .send({ ...change, version: before.version });
      expect(response.status).toBe(403);
      expect(response.body.detail).toBe("The coordinator sets when a service's role starts and ends.");
    }
    expect(await roleRow(before.id)).toEqual(before);
    const refusals = await testApp.database.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.actorId, world.people.workerA.id),
          eq(auditEvents.resourceId, before.id),
          eq(auditEvents.outcome, 'denied'),
        ),
      );
    expect(refusals.length).toBeGreaterThanOrEqual(3);
  });

  it('when the case is closed, then the role cannot be edited', async () => {
    await testApp.database.db.update(families).set({ status: 'closed' }).where(eq(families.id, world.family.id));
    const before = await roleRow(world.roles.roleA.id);
    const response = await (
      await agentOf('coordinator')
    )
      .patch(`${familyUrl()}/service-roles/${before.id}`)
      .send({ description: 'x', version: before.version });
    await testApp.database.db.update(families).set({ status: 'active' }).where(eq(families.id, world.family.id));
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('case_closed');
    expect(await roleRow(before.id)).toEqual(before);
  });

  it('when the body is wrong, then 400 lists the fields', async () => {
    const response = await (
      await agentOf('coordinator')
    )
      .patch(`${familyUrl()}/service-roles/${world.roles.roleA.id}`)
      .send({ endsOn: 'tomorrow', version: 0 });
    expect(response.status).toBe(400);
    expect(response.body.errors.map((error: { path: string }) => error.path).sort()).toEqual(['body.endsOn', 'body.version']);
  });
});
