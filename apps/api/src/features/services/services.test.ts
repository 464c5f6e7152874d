import { catalogueServiceSchema, organisationListSchema, serviceCatalogueSchema } from '@yhdessa/shared';
import { desc, eq } from 'drizzle-orm';
import request from 'supertest';
import { auditEvents } from '../../db/tables/audit';
import { signInAs, startTestApp, type TestApp } from '../../test/test-app';
import { buildWorld, type PersonKey, type World } from '../../test/world';
import { services } from '../../db/tables/services';
import { helsinkiToday } from '../../test/dates';

jest.setTimeout(60_000);

let testApp: TestApp;
let world: World;

beforeAll(async () => {
  testApp = await startTestApp();
  world = await buildWorld(testApp.database.db);
});
afterAll(() => testApp.close());

const agentOf = (person: PersonKey) => signInAs(testApp.app, world.people[person]);
const newService = () => ({
  name: { fi: 'Kotipalvelu', sv: 'Hemservice', en: 'Home help' },
  category: 'social',
  organisationId: world.services.serviceA.organisationId,
  unit: 'hour',
  unitCostCents: 4_500,
  description: 'Apua arkeen',
  contact: 'kotipalvelu@test.example',
});

describe('the service catalogue', () => {
  it.each<[PersonKey, number]>([
    ['coordinator', 200],
    ['workerA', 200],
    ['manager', 200],
    ['admin', 200],
    ['guardian', 404],
  ])('when %s reads the catalogue, then %i', async (person, status) => {
    const response = await (await agentOf(person)).get('/api/services');
    expect(response.status).toBe(status);
    if (status === 200) expect(serviceCatalogueSchema.parse(response.body).services.length).toBeGreaterThanOrEqual(3);
  });

  it('when an administrator adds and changes a service, then the catalogue shows it and both are audited', async () => {
    const admin = await agentOf('admin');
    const created = await admin.post('/api/services').send(newService());
    expect(created.status).toBe(201);
    const service = catalogueServiceSchema.parse(created.body);
    expect(service).toMatchObject({ name: { fi: 'Kotipalvelu' }, organisation: { name: 'Testikunta' }, unitCostCents: 4_500 });

    const changed = await admin.patch(`/api/services/${service.id}`).send({ unitCostCents: 5_000, contact: '017 555 0000' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ unitCostCents: 5_000, contact: '017 555 0000', unit: 'hour' });
    const audit = await testApp.database.db.select().from(auditEvents).where(eq(auditEvents.resourceId, service.id));
    expect(audit.map((row) => [row.action, row.basis, row.familyId])).toEqual([
      ['create', 'administrator', null],
      ['update', 'administrator', null],
    ]);
  });

  it('when the unit cost changes, then a price period starts today and the earlier one stays in the history', async () => {
    const admin = await agentOf('admin');
    const service = catalogueServiceSchema.parse((await admin.post('/api/services').send(newService())).body);
    expect(service.prices).toEqual([{ validFrom: '2000-01-01', unitCostCents: 4_500 }]);
    const today = helsinkiToday();

    const changed = catalogueServiceSchema.parse(
      (await admin.patch(`/api/services/${service.id}`).send({ unitCostCents: 4_800 }).expect(200)).body,
    );
    expect(changed.unitCostCents).toBe(4_800);
    expect(changed.prices).toEqual([
      { validFrom: '2000-01-01', unitCostCents: 4_500 },
      { validFrom: today, unitCostCents: 4_800 },
    ]);
    const [audit] = await testApp.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.resourceId, service.id))
      .orderBy(desc(auditEvents.id))
      .limit(1);
    expect(audit!.detail).toMatchObject({ price: { validFrom: today, from: 4_500, to: 4_800 } });

    const unchanged = await admin
      .patch(`/api/services/${service.id}`)
      .send({ unitCostCents: 4_800, contact: 'uusi' })
      .expect(200);
    expect(unchanged.body.prices).toHaveLength(2);
  });

  it('when a price change starts in the future, then today the old price still applies', async () => {
    const admin = await agentOf('admin');
    const service = catalogueServiceSchema.parse((await admin.post('/api/services').send(newService())).body);
    const changed = catalogueServiceSchema.parse(
      (await admin.patch(`/api/services/${service.id}`).send({ unitCostCents: 9_000, priceValidFrom: '2099-01-01' }).expect(200))
        .body,
    );
    expect(changed.unitCostCents).toBe(4_500);
    expect(changed.prices.at(-1)).toEqual({ validFrom: '2099-01-01', unitCostCents: 9_000 });
  });

  it.each<[string, object]>([
    ['starts in the past', { unitCostCents: 9_000, priceValidFrom: '2020-01-01' }],
    ['has a start but no price', { priceValidFrom: '2099-01-01' }],
  ])('when a price change %s, then 400 and the prices stay as they were', async (_case, body) => {
    const admin = await agentOf('admin');
    const before = (await admin.get('/api/services')).body;
    const response = await admin.patch(`/api/services/${world.services.serviceA.id}`).send(body);
    expect(response.status).toBe(400);
    expect(response.body.errors[0].path).toBe('body.priceValidFrom');
    expect((await admin.get('/api/services')).body).toEqual(before);
  });

  it.each<PersonKey>(['coordinator', 'workerA', 'manager', 'guardian'])(
    'when %s tries to add or change a service, then 404 and nothing changes',
    async (person) => {
      const before = await testApp.database.db.select().from(services);
      const agent = await agentOf(person);
      expect((await agent.post('/api/services').send(newService())).status).toBe(404);
      expect((await agent.patch(`/api/services/${world.services.serviceA.id}`).send({ unitCostCents: 1 })).status).toBe(404);
      expect(await testApp.database.db.select().from(services)).toEqual(before);
    },
  );

  it.each<[string, () => unknown]>([
    ['a name without Swedish', () => ({ ...newService(), name: { fi: 'A', en: 'A' } })],
    ['a negative unit cost', () => ({ ...newService(), unitCostCents: -1 })],
    ['a unit cost in euros with decimals', () => ({ ...newService(), unitCostCents: 45.5 })],
    ['an oversize description', () => ({ ...newService(), description: 'x'.repeat(2_001) })],
    ['an unknown field', () => ({ ...newService(), version: 1 })],
    ['an unknown organisation', () => ({ ...newService(), organisationId: '00000000-0000-4000-8000-000000000000' })],
  ])('when the body has %s, then 400 and nothing is created', async (_case, body) => {
    const before = await testApp.database.db.select().from(services);
    const response = await (await agentOf('admin')).post('/api/services').send(body() as object);
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('validation_failed');
    expect(await testApp.database.db.select().from(services)).toHaveLength(before.length);
  });

  it('when an administrator changes a service that does not exist, then 404', async () => {
    const response = await (
      await agentOf('admin')
    )
      .patch('/api/services/00000000-0000-4000-8000-000000000000')
      .send({ unitCostCents: 1 });
    expect(response.status).toBe(404);
  });
});

describe('the organisations a service can name as its provider', () => {
  it('when the administrator reads them, then every organisation is listed by name', async () => {
    const response = await (await agentOf('admin')).get('/api/organisations');
    expect(response.status).toBe(200);
    expect(organisationListSchema.parse(response.body).organisations.map((organisation) => organisation.name)).toEqual([
      'Naapurikunta',
      'Testikunta',
    ]);
  });

  it.each<PersonKey>(['coordinator', 'workerA', 'guardian', 'manager'])('when %s reads them, then 404', async (person) => {
    expect((await (await agentOf(person)).get('/api/organisations')).status).toBe(404);
  });

  it('when nobody is signed in, then 401', async () => {
    expect((await request(testApp.app).get('/api/organisations')).status).toBe(401);
  });
});
