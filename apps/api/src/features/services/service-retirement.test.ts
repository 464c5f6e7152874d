import { catalogueServiceSchema, planSchema, serviceCatalogueSchema } from '@yhdessa/shared';
import { and, desc, eq } from 'drizzle-orm';
import request from 'supertest';
import { auditEvents } from '../../db/tables/audit';
import { services } from '../../db/tables/services';
import { buildService, buildServiceRole } from '../../test/factories';
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

const db = () => testApp.database.db;
const agentOf = (person: PersonKey) => signInAs(testApp.app, world.people[person]);
const newService = (name: string) => buildService(db(), world.services.serviceA.organisationId, name);
const retire = async (serviceId: string) => (await agentOf('admin')).post(`/api/services/${serviceId}/retire`);

async function retiredAtOf(serviceId: string) {
  const [row] = await db().select().from(services).where(eq(services.id, serviceId));
  return row!.retiredAt;
}

describe('retiring a service', () => {
  it('when the administrator retires a service, then the catalogue marks it retired, a plan that has it still shows it, and it is audited', async () => {
    const service = await newService('Vanha kerho');
    await buildServiceRole(db(), world.family.id, service.id);
    const response = await retire(service.id);
    expect(response.status).toBe(200);
    expect(catalogueServiceSchema.parse(response.body).retiredAt).toEqual(expect.any(String));

    const catalogue = serviceCatalogueSchema.parse((await (await agentOf('coordinator')).get('/api/services').expect(200)).body);
    expect(catalogue.services.find((entry) => entry.id === service.id)?.retiredAt).toEqual(response.body.retiredAt);
    const plan = planSchema.parse(
      (await (await agentOf('coordinator')).get(`/api/families/${world.family.id}/plan`).expect(200)).body,
    );
    expect(plan.serviceRoles.map((role) => role.service.name.fi)).toContain('Vanha kerho');

    const [audited] = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.resource, 'service'), eq(auditEvents.resourceId, service.id)))
      .orderBy(desc(auditEvents.id))
      .limit(1);
    expect(audited).toMatchObject({
      action: 'update',
      outcome: 'allowed',
      basis: 'administrator',
      familyId: null,
      actorId: world.people.admin.id,
      detail: { retired: true },
    });
  });

  it('when a service is retired, then a coordinator cannot invite it into a plan and an administrator cannot add a worker to it, until it is restored', async () => {
    const service = await newService('Tauolla oleva palvelu');
    await retire(service.id).then((response) => expect(response.status).toBe(200));
    const coordinator = await agentOf('coordinator');
    const invite = await coordinator.post(`/api/families/${world.family.id}/service-roles`).send({ serviceId: service.id });
    expect(invite.status).toBe(409);
    expect(invite.body.code).toBe('service_retired');
    const addWorker = await (
      await agentOf('admin')
    )
      .post('/api/invitations')
      .send({ kind: 'worker', name: 'Uusi', email: `retired-${Date.now()}@test.example`, serviceId: service.id });
    expect(addWorker.status).toBe(409);
    expect(addWorker.body.code).toBe('service_retired');

    const restored = await (await agentOf('admin')).post(`/api/services/${service.id}/restore`);
    expect(restored.status).toBe(200);
    expect(restored.body.retiredAt).toBeNull();
    await coordinator.post(`/api/families/${world.family.id}/service-roles`).send({ serviceId: service.id }).expect(201);
  });

  it('when a retired service is retired again, then it keeps the first time', async () => {
    const service = await newService('Kahdesti lopetettu');
    await retire(service.id);
    const first = await retiredAtOf(service.id);
    expect((await retire(service.id)).status).toBe(200);
    expect(await retiredAtOf(service.id)).toEqual(first);
  });

  it.each(['retire', 'restore'])('when the service does not exist, then %s answers 404', async (change) => {
    await (await agentOf('admin')).post(`/api/services/00000000-0000-4000-8000-000000000000/${change}`).expect(404);
  });

  it('when the service id is not an id, then 400', async () => {
    await (await agentOf('admin')).post('/api/services/not-an-id/retire').expect(400);
  });

  it.each<PersonKey>(['coordinator', 'workerA', 'guardian', 'youngMember', 'manager'])(
    'when %s tries to retire or restore a service, then 404 and nothing changes',
    async (person) => {
      const service = await newService(`Koskematon ${person}`);
      const agent = await agentOf(person);
      await agent.post(`/api/services/${service.id}/retire`).expect(404);
      expect(await retiredAtOf(service.id)).toBeNull();
      await db().update(services).set({ retiredAt: new Date() }).where(eq(services.id, service.id));
      await agent.post(`/api/services/${service.id}/restore`).expect(404);
      expect(await retiredAtOf(service.id)).not.toBeNull();
    },
  );

  it('when nobody is signed in, then 401', async () => {
    await request(testApp.app).post(`/api/services/${world.services.serviceA.id}/retire`).expect(401);
  });
});
