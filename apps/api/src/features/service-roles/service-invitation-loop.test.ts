import {
  declinedInvitationListSchema,
  invitationMessageMaxLength,
  serviceInvitationListSchema,
  serviceInvitationSchema,
  serviceRoleSummarySchema,
} from '@yhdessa/shared';
import { and, eq } from 'drizzle-orm';
import { auditEvents } from '../../db/tables/audit';
import { mailOutbox } from '../../db/tables/mail-outbox';
import { serviceRoles } from '../../db/tables/service-roles';
import { buildAccount, buildService } from '../../test/factories';
import { signInAs, startTestApp, type TestApp } from '../../test/test-app';
import { buildWorld, type PersonKey, type World } from '../../test/world';

jest.setTimeout(60_000);

let testApp: TestApp;
let world: World;

beforeAll(async () => {
  testApp = await startTestApp();
  world = await buildWorld(testApp.database.db);
});
afterAll(() => testApp.close());

const agentOf = (person: PersonKey) => signInAs(testApp.app, world.people[person]);
const familyUrl = (familyId = world.family.id) => `/api/families/${familyId}`;
const MESSAGE = 'Eetu tarvitsee tukea aamuihin. Voisitteko aloittaa jo tässä kuussa?';

/** A service of its own with one worker, so each case answers its own invitation. */
async function serviceWithWorker(name: string) {
  const service = await buildService(testApp.database.db, world.services.serviceA.organisationId, name);
  const worker = await buildAccount(testApp.database.db, {
    role: 'worker',
    serviceIds: [service.id],
    name: `${name}: työntekijä`,
  });
  return { service, worker, agent: await signInAs(testApp.app, worker) };
}

async function invite(body: Record<string, unknown>) {
  const response = await (await agentOf('coordinator')).post(`${familyUrl()}/service-roles`).send(body);
  expect(response.status).toBe(201);
  return serviceRoleSummarySchema.parse(response.body);
}

const countRoles = async () => (await testApp.database.db.select().from(serviceRoles)).length;

describe("the coordinator's message to an invited service", () => {
  it('when the coordinator invites with a message, then the workers read it where they answer, and the mail says only that there is one', async () => {
    const { service, worker, agent } = await serviceWithWorker('Viestipalvelu');
    const role = await invite({ serviceId: service.id, message: `  ${MESSAGE}  ` });

    const list = serviceInvitationListSchema.parse((await agent.get('/api/service-roles/invitations')).body);
    expect(list.invitations.find((each) => each.serviceRoleId === role.id)).toMatchObject({ message: MESSAGE });
    const summary = await agent.get(`${familyUrl()}/service-roles/${role.id}/invitation`);
    expect(serviceInvitationSchema.parse(summary.body).message).toBe(MESSAGE);

    const [mail] = await testApp.database.db.select().from(mailOutbox).where(eq(mailOutbox.to, worker.email));
    expect(mail!.body).toContain('Koordinaattori on liittänyt kutsuun viestin');
    expect(mail!.body).not.toContain('Eetu');
    expect(mail!.body).not.toContain(world.family.name);
  });

  it('when there is no message, or only spaces, then none is stored and the mail does not mention one', async () => {
    const { service, worker } = await serviceWithWorker('Hiljainen palvelu');
    const role = await invite({ serviceId: service.id, message: '   ' });
    const [row] = await testApp.database.db.select().from(serviceRoles).where(eq(serviceRoles.id, role.id));
    expect(row!.invitationMessage).toBeNull();
    const [mail] = await testApp.database.db.select().from(mailOutbox).where(eq(mailOutbox.to, worker.email));
    expect(mail!.body).not.toContain('viestin');
  });

  it('when the message is longer than the shared limit, then 400 names the field and nothing is invited', async () => {
    const { service } = await serviceWithWorker('Liian pitkä');
    const before = await countRoles();
    const coordinator = await agentOf('coordinator');
    const atLimit = 'a'.repeat(invitationMessageMaxLength);
    const response = await coordinator
      .post(`${familyUrl()}/service-roles`)
      .send({ serviceId: service.id, message: `${atLimit}b` });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ path: 'body.message' })]);
    expect(await countRoles()).toBe(before);
    expect(
      (await coordinator.post(`${familyUrl()}/service-roles`).send({ serviceId: service.id, message: atLimit })).status,
    ).toBe(201);
  });

  it.each<PersonKey>(['workerA', 'guardian', 'otherCoordinator', 'workerC'])(
    'when %s asks for the invitation, then 404: the message is for the invited service',
    async (person) => {
      const { service } = await serviceWithWorker(`Yksityinen kutsu ${person}`);
      const role = await invite({ serviceId: service.id, message: MESSAGE });
      expect((await (await agentOf(person)).get(`${familyUrl()}/service-roles/${role.id}/invitation`)).status).toBe(404);
      const list = serviceInvitationListSchema.safeParse(
        (await (await agentOf(person)).get('/api/service-roles/invitations')).body,
      );
      expect(list.success && list.data.invitations.some((each) => each.serviceRoleId === role.id)).toBe(false);
    },
  );
});

describe('a declined invitation stays on the plan', () => {
  it('when a service declines with a reason, then the coordinator sees who, when and why; the family that it declined; other services nothing', async () => {
    const { service, worker, agent } = await serviceWithWorker('Kieltäytyvä palvelu');
    const role = await invite({ serviceId: service.id, message: MESSAGE });
    const declined = await agent
      .post(`${familyUrl()}/service-roles/${role.id}/decline`)
      .send({ reason: 'Jonoa on kolme kuukautta.', version: role.version });
    expect(declined.status).toBe(200);

    const forCoordinator = declinedInvitationListSchema.parse(
      (await (await agentOf('coordinator')).get(`${familyUrl()}/service-roles/declined`)).body,
    );
    expect(forCoordinator.declinedInvitations.find((each) => each.serviceRoleId === role.id)).toEqual({
      serviceRoleId: role.id,
      service: { id: service.id, name: service.name, category: service.category },
      invitedAt: expect.any(String),
      respondedAt: expect.any(String),
      respondedBy: { id: worker.id, name: worker.name },
      reason: 'Jonoa on kolme kuukautta.',
      message: MESSAGE,
      replacedBy: null,
    });

    for (const person of ['guardian', 'youngMember'] as const) {
      const forFamily = declinedInvitationListSchema.parse(
        (await (await agentOf(person)).get(`${familyUrl()}/service-roles/declined`)).body,
      );
      expect(forFamily.declinedInvitations.find((each) => each.serviceRoleId === role.id)).toMatchObject({
        service: { id: service.id },
        respondedAt: expect.any(String),
        respondedBy: null,
        reason: null,
        message: null,
      });
    }

    for (const person of ['workerA', 'workerB', 'workerC', 'otherCoordinator', 'otherGuardian', 'manager', 'admin'] as const)
      expect([person, (await (await agentOf(person)).get(`${familyUrl()}/service-roles/declined`)).status]).toEqual([
        person,
        404,
      ]);
    expect((await agent.get(`${familyUrl()}/service-roles/declined`)).status).toBe(404);

    const reads = await testApp.database.db
      .select({ actorId: auditEvents.actorId, outcome: auditEvents.outcome })
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.resource, 'service-role'),
          eq(auditEvents.resourceId, world.family.id),
          eq(auditEvents.action, 'read'),
        ),
      );
    expect(reads).toEqual(
      expect.arrayContaining([
        { actorId: world.people.coordinator.id, outcome: 'allowed' },
        { actorId: world.people.guardian.id, outcome: 'allowed' },
      ]),
    );
    expect(
      (await (await agentOf('workerA')).get(`${familyUrl()}/plan`)).body.serviceRoles.map((each: { id: string }) => each.id),
    ).not.toContain(role.id);
  });

  it('when the answer is read back, then the invitation names the worker who declined', async () => {
    const { service, worker, agent } = await serviceWithWorker('Vastaaja näkyy');
    const role = await invite({ serviceId: service.id });
    await agent
      .post(`${familyUrl()}/service-roles/${role.id}/decline`)
      .send({ reason: 'Ei kuulu meille.', version: role.version });
    const summary = await (await agentOf('coordinator')).get(`${familyUrl()}/service-roles/${role.id}/invitation`);
    expect(serviceInvitationSchema.parse(summary.body)).toMatchObject({
      status: 'declined',
      respondedBy: { id: worker.id, name: worker.name },
      declineReason: 'Ei kuulu meille.',
    });
  });

  it.each([
    ['no reason', {}],
    ['an empty reason', { reason: '   ' }],
    ['a reason over the limit', { reason: 'x'.repeat(2001) }],
  ])('when a service declines with %s, then 400 and the invitation stays open', async (_case, body) => {
    const { service, agent } = await serviceWithWorker(`Syytön ${_case}`);
    const role = await invite({ serviceId: service.id });
    const response = await agent.post(`${familyUrl()}/service-roles/${role.id}/decline`).send({ ...body, version: role.version });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ path: 'body.reason' })]);
    const [row] = await testApp.database.db.select().from(serviceRoles).where(eq(serviceRoles.id, role.id));
    expect(row).toMatchObject({ status: 'invited', respondedBy: null, declineReason: null });
  });
});

describe('inviting another service in place of a declined one', () => {
  async function declinedInvitation(name: string) {
    const { service, agent } = await serviceWithWorker(name);
    const role = await invite({ serviceId: service.id, message: MESSAGE });
    await agent.post(`${familyUrl()}/service-roles/${role.id}/decline`).send({ reason: 'Ei tilaa.', version: role.version });
    return { service, role };
  }

  it('when the coordinator invites another service from the declined card, then the card names it, and only once', async () => {
    const { role: declined } = await declinedInvitation('Ensimmäinen valinta');
    const { service: instead } = await serviceWithWorker('Toinen valinta');
    const replacement = await invite({ serviceId: instead.id, message: MESSAGE, replacesServiceRoleId: declined.id });

    const list = declinedInvitationListSchema.parse(
      (await (await agentOf('coordinator')).get(`${familyUrl()}/service-roles/declined`)).body,
    );
    expect(list.declinedInvitations.find((each) => each.serviceRoleId === declined.id)?.replacedBy).toEqual({
      serviceRoleId: replacement.id,
      service: { id: instead.id, name: instead.name },
      status: 'invited',
    });

    const { service: third } = await serviceWithWorker('Kolmas valinta');
    const before = await countRoles();
    const again = await (
      await agentOf('coordinator')
    )
      .post(`${familyUrl()}/service-roles`)
      .send({ serviceId: third.id, replacesServiceRoleId: declined.id });
    expect(again.status).toBe(400);
    expect(again.body.errors).toEqual([
      { path: 'body.replacesServiceRoleId', message: 'Another service has already been invited in its place' },
    ]);
    expect(await countRoles()).toBe(before);
  });

  it('when the declined service itself is asked again, then it is invited anew', async () => {
    const { service, role: declined } = await declinedInvitation('Kysytään uudelleen');
    const again = await invite({ serviceId: service.id, replacesServiceRoleId: declined.id });
    expect(again).toMatchObject({ status: 'invited', serviceId: service.id });
  });

  it.each<[string, () => string]>([
    ['an accepted role', () => world.roles.roleA.id],
    ['an open invitation', () => world.roles.roleCInvited.id],
    ["another family's role", () => world.otherRole.id],
    ['a role that does not exist', () => '00000000-0000-4000-8000-000000000000'],
  ])('when the invitation claims to replace %s, then 400 and nothing is invited', async (_case, replaced) => {
    const { service } = await serviceWithWorker(`Väärä korvattava ${_case}`);
    const before = await countRoles();
    const response = await (
      await agentOf('coordinator')
    )
      .post(`${familyUrl()}/service-roles`)
      .send({ serviceId: service.id, replacesServiceRoleId: replaced() });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ path: 'body.replacesServiceRoleId' })]);
    expect(await countRoles()).toBe(before);
  });

  it.each<[PersonKey, number]>([
    ['workerA', 403],
    ['guardian', 403],
    ['otherCoordinator', 404],
    ['otherGuardian', 404],
  ])('when %s tries to invite in place of a declined invitation, then %i and nothing is invited', async (person, status) => {
    const { role: declined } = await declinedInvitation(`Ei sinun ${person}`);
    const { service } = await serviceWithWorker(`Ei sinun tilalle ${person}`);
    const before = await countRoles();
    const response = await (
      await agentOf(person)
    )
      .post(`${familyUrl()}/service-roles`)
      .send({ serviceId: service.id, replacesServiceRoleId: declined.id });
    expect(response.status).toBe(status);
    expect(await countRoles()).toBe(before);
  });
});
