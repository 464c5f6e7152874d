import {
  familyCostsSchema,
  familyUsageSummarySchema,
  serviceUsageListSchema,
  serviceUsageSchema,
  type FamilyCosts,
} from '@yhdessa/shared';
import { and, eq } from 'drizzle-orm';
import { auditEvents } from '../../db/tables/audit';
import { families } from '../../db/tables/families';
import { servicePrices } from '../../db/tables/service-prices';
import { serviceRoles } from '../../db/tables/service-roles';
import { serviceUsage } from '../../db/tables/service-usage';
import { helsinkiToday } from '../../test/dates';
import { signInAs, startTestApp, type TestApp } from '../../test/test-app';
import { buildWorld, type PersonKey, type World } from '../../test/world';

jest.setTimeout(120_000);

let testApp: TestApp;
/** `world.family` opened on 2025-01-10; its services' visits cost 100 EUR. */
let world: World;

beforeAll(async () => {
  testApp = await startTestApp();
  world = await buildWorld(testApp.database.db);
  await openCaseOn(world, '2025-01-10');
});
afterAll(() => testApp.close());

async function openCaseOn(of: World, day: string) {
  const { db } = testApp.database;
  await db
    .update(families)
    .set({ createdAt: new Date(`${day}T12:00:00+02:00`) })
    .where(eq(families.id, of.family.id));
  await db.update(serviceRoles).set({ startsOn: day }).where(eq(serviceRoles.familyId, of.family.id));
}

const agentOf = (person: PersonKey, of: World = world) => signInAs(testApp.app, of.people[person]);
const usagePath = (of: World = world) => `/api/families/${of.family.id}/service-usage`;
const day = (serviceRoleId: string, usedOn: string, units: number) => ({ serviceRoleId, period: 'day', usedOn, units });
const month = (serviceRoleId: string, usedOn: string, units: number) => ({ serviceRoleId, period: 'month', usedOn, units });
const storedCount = async () => (await testApp.database.db.select().from(serviceUsage)).length;

describe('POST /api/families/:familyId/service-usage', () => {
  it("when a worker records a day on their own service's role, then it is priced, audited and announced", async () => {
    const agent = await agentOf('workerA');
    const response = await agent.post(usagePath()).send({ ...day(world.roles.roleA.id, '2025-03-04', 1.5), note: 'Kotikäynti' });
    expect(response.status).toBe(201);
    const usage = serviceUsageSchema.parse(response.body);
    expect(usage).toMatchObject({ period: 'day', usedOn: '2025-03-04', units: 1.5, unitCostCents: 10_000, costCents: 15_000 });
    const [audit] = await testApp.database.db.select().from(auditEvents).where(eq(auditEvents.resourceId, usage.id));
    expect(audit).toMatchObject({ action: 'create', resource: 'service-usage', outcome: 'allowed', basis: 'service-role' });
    expect(audit!.detail).toMatchObject({ usedOn: '2025-03-04', units: 1.5, source: 'form' });
    expect(testApp.published.at(-1)).toMatchObject({ type: 'usage.recorded', id: usage.id, version: 1 });
  });

  it.each<[PersonKey, () => string, number]>([
    ['workerA', () => world.roles.roleB.id, 403],
    ['guardian', () => world.roles.roleA.id, 403],
    ['youngMember', () => world.roles.roleA.id, 403],
    ['otherCoordinator', () => world.roles.roleA.id, 404],
    ['workerC', () => world.roles.roleCInvited.id, 404],
    ['manager', () => world.roles.roleA.id, 404],
    ['admin', () => world.roles.roleA.id, 404],
  ])(
    'when %s records on a role that is not theirs, then %s, nothing is stored and the refusal is audited',
    async (person, role, status) => {
      const before = await storedCount();
      const response = await (await agentOf(person)).post(usagePath()).send(day(role(), '2025-03-05', 1));
      expect(response.status).toBe(status);
      expect(await storedCount()).toBe(before);
      const denied = await testApp.database.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.actorId, world.people[person].id), eq(auditEvents.outcome, 'denied')));
      expect(denied.length).toBeGreaterThan(0);
    },
  );

  it('when the coordinator records a month on any accepted role, then 201; an invited role takes none', async () => {
    const coordinator = await agentOf('coordinator');
    expect((await coordinator.post(usagePath()).send(month(world.roles.roleB.id, '2025-02-01', 4))).status).toBe(201);
    const invited = await coordinator.post(usagePath()).send(month(world.roles.roleCInvited.id, '2025-02-01', 4));
    expect(invited.status).toBe(400);
    expect(invited.body.errors[0].path).toBe('body.serviceRoleId');
  });

  it.each<[string, object, string]>([
    ['a day before the case opened', day('A', '2025-01-09', 1), 'The case was not open yet.'],
    ['a day in the future', day('A', helsinkiToday(2), 1), 'The day is in the future.'],
    ['a month that has not begun', month('A', '2099-01-01', 1), 'The month has not begun.'],
    ['a day before the role started', day('B', '2025-01-09', 1), 'The case was not open yet.'],
  ])('when the entry is for %s, then 400 and nothing is stored', async (_case, body, reason) => {
    const roles = { A: world.roles.roleA.id, B: world.roles.roleB.id };
    const entry = { ...body, serviceRoleId: roles[(body as { serviceRoleId: 'A' | 'B' }).serviceRoleId] };
    const before = await storedCount();
    const response = await (await agentOf('coordinator')).post(usagePath()).send(entry);
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([{ path: 'body.usedOn', message: reason }]);
    expect(await storedCount()).toBe(before);
  });

  it.each<[string, object]>([
    ['three decimals', day('', '2025-03-06', 1.005)],
    ['negative units', day('', '2025-03-06', -1)],
    ['a month not on its first day', month('', '2025-03-06', 1)],
    ['a bad date', day('', '2025-02-30', 1)],
  ])('when the units or date are malformed (%s), then 400', async (_case, body) => {
    const response = await (await agentOf('workerA')).post(usagePath()).send({ ...body, serviceRoleId: world.roles.roleA.id });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('validation_failed');
  });

  it('when a day or month is recorded already, then 409 usage_already_recorded and nothing is counted twice', async () => {
    const agent = await agentOf('workerA');
    await agent
      .post(usagePath())
      .send(day(world.roles.roleA.id, '2025-04-02', 1))
      .expect(201);
    const before = await storedCount();
    for (const entry of [day(world.roles.roleA.id, '2025-04-02', 2), month(world.roles.roleA.id, '2025-04-01', 5)]) {
      const response = await agent.post(usagePath()).send(entry);
      expect(response.status).toBe(409);
      expect(response.body.code).toBe('usage_already_recorded');
    }
    // Service B recorded February as a whole above: a day in it is refused too.
    const dayInMonth = await (await agentOf('workerB')).post(usagePath()).send(day(world.roles.roleB.id, '2025-02-10', 1));
    expect(dayInMonth.body.code).toBe('usage_already_recorded');
    expect(await storedCount()).toBe(before);
  });
});

describe('PATCH /api/families/:familyId/service-usage/:usageId', () => {
  it('when a worker corrects their entry, then it is a new version with before and after in the audit', async () => {
    const agent = await agentOf('workerA');
    const recorded = serviceUsageSchema.parse(
      (
        await agent
          .post(usagePath())
          .send(day(world.roles.roleA.id, '2025-05-05', 2))
          .expect(201)
      ).body,
    );
    const response = await agent.patch(`${usagePath()}/${recorded.id}`).send({ units: 0.5, note: 'Korjattu', version: 1 });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ units: 0.5, note: 'Korjattu', costCents: 5_000, version: 2 });
    const [audit] = await testApp.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.resourceId, recorded.id), eq(auditEvents.action, 'update')));
    expect(audit!.detail).toEqual({
      before: { units: 2, note: '', costCents: 20_000 },
      after: { units: 0.5, note: 'Korjattu', costCents: 5_000 },
    });
    expect(testApp.published.at(-1)).toMatchObject({ type: 'usage.updated', id: recorded.id, version: 2 });

    const stale = await agent.patch(`${usagePath()}/${recorded.id}`).send({ units: 3, version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'version_conflict', current: { units: 0.5, version: 2 } });
  });

  // The family reads no entries, only its summary: to it an entry does not exist.
  it.each<[PersonKey, number, string]>([
    ['workerB', 404, '2025-06-11'],
    ['guardian', 404, '2025-06-12'],
    ['otherCoordinator', 404, '2025-06-13'],
    ['coordinator', 200, '2025-06-14'],
  ])("when %s corrects service A's entry, then %i", async (person, status, usedOn) => {
    const recorded = serviceUsageSchema.parse(
      (await (await agentOf('workerA')).post(usagePath()).send(day(world.roles.roleA.id, usedOn, 1))).body,
    );
    const response = await (await agentOf(person)).patch(`${usagePath()}/${recorded.id}`).send({ units: 0, version: 1 });
    expect(response.status).toBe(status);
  });
});

describe('reading usage', () => {
  it('when a worker reads the usage, then only their own service is in it; the coordinator sees all of it', async () => {
    const ofWorker = serviceUsageListSchema.parse((await (await agentOf('workerA')).get(usagePath()).expect(200)).body);
    expect(new Set(ofWorker.usage.map((entry) => entry.serviceRoleId))).toEqual(new Set([world.roles.roleA.id]));
    const ofCoordinator = serviceUsageListSchema.parse((await (await agentOf('coordinator')).get(usagePath()).expect(200)).body);
    expect(new Set(ofCoordinator.usage.map((entry) => entry.serviceRoleId))).toEqual(
      new Set([world.roles.roleA.id, world.roles.roleB.id]),
    );
  });

  it.each<[PersonKey, number, number, number]>([
    ['coordinator', 200, 200, 403],
    ['workerA', 200, 200, 403],
    ['guardian', 403, 403, 200],
    ['youngMember', 403, 403, 200],
    ['otherCoordinator', 404, 404, 404],
    ['otherGuardian', 404, 404, 404],
    ['workerC', 404, 404, 404],
    ['manager', 404, 404, 404],
  ])('when %s reads the usage, the costs and the summary, then %i, %i and %i', async (person, list, costs, summary) => {
    const agent = await agentOf(person);
    expect((await agent.get(usagePath())).status).toBe(list);
    expect((await agent.get(`${usagePath()}/costs`)).status).toBe(costs);
    expect((await agent.get(`${usagePath()}/summary`)).status).toBe(summary);
  });

  it('when the family reads its summary, then it has service names, months and units and no prices', async () => {
    const response = await (await agentOf('guardian')).get(`${usagePath()}/summary`).expect(200);
    const summary = familyUsageSummarySchema.parse(response.body);
    expect(JSON.stringify(response.body)).not.toMatch(/cost|price|cents/i);
    const serviceB = summary.services.find((entry) => entry.service.id === world.services.serviceB.id);
    expect(serviceB?.months).toEqual([{ month: '2025-02', units: 4 }]);
  });
});

/**
 * Hand-computed: the case opened 2025-01-10; a visit of service A costs 100 EUR, 120 EUR from
 * 2025-02-01 and 150 EUR from 2025-02-15; of service B 100 EUR, 200 EUR from 2025-02-02.
 *   January   A: 2 × 100 (31.1.)                                   =   200.00   cumulative   200.00
 *   February  A: 1 × 120 (1.2.) + 1.5 × 150 (20.2.) = 345.00
 *             B: month 3 × 100 (priced on 1.2.)     = 300.00       =   645.00   cumulative   845.00
 *   March     B: 2 × 200 (10.3.); its role ends 15.3., the case closes =   400.00   cumulative 1 245.00
 */
describe('GET /api/families/:familyId/service-usage/costs, against hand-computed figures', () => {
  let costsWorld: World;
  let coordinator: Awaited<ReturnType<typeof signInAs>>;
  let feb20: string;
  const costsOf = async (agent = coordinator) =>
    familyCostsSchema.parse((await agent.get(`${usagePath(costsWorld)}/costs`).expect(200)).body);
  const byMonth = (costs: FamilyCosts) =>
    Object.fromEntries(costs.months.map((entry) => [entry.month, [entry.costCents, entry.cumulativeCents, entry.serviceCount]]));

  beforeAll(async () => {
    const { db } = testApp.database;
    costsWorld = await buildWorld(db);
    await openCaseOn(costsWorld, '2025-01-10');
    const { serviceA, serviceB } = costsWorld.services;
    await db.insert(servicePrices).values([
      { serviceId: serviceA.id, validFrom: '2025-02-01', unitCostCents: 12_000 },
      { serviceId: serviceA.id, validFrom: '2025-02-15', unitCostCents: 15_000 },
      { serviceId: serviceB.id, validFrom: '2025-02-02', unitCostCents: 20_000 },
    ]);
    coordinator = await agentOf('coordinator', costsWorld);
    const { roleA, roleB } = costsWorld.roles;
    for (const entry of [day(roleA.id, '2025-01-31', 2), day(roleA.id, '2025-02-01', 1), month(roleB.id, '2025-02-01', 3)])
      await coordinator.post(usagePath(costsWorld)).send(entry).expect(201);
    feb20 = (
      await coordinator
        .post(usagePath(costsWorld))
        .send(day(roleA.id, '2025-02-20', 1.5))
        .expect(201)
    ).body.id;
    await db.update(serviceRoles).set({ endsOn: '2025-03-15' }).where(eq(serviceRoles.id, roleB.id));
    await coordinator
      .post(usagePath(costsWorld))
      .send(day(roleB.id, '2025-03-10', 2))
      .expect(201);
  });

  it('when prices change across a month boundary, then each entry has the price of its day, and a month that of its first day', async () => {
    const costs = await costsOf();
    expect(costs.openedOn).toBe('2025-01-10');
    expect(byMonth(costs)).toMatchObject({
      '2025-01': [20_000, 20_000, 2],
      '2025-02': [64_500, 84_500, 2],
      '2025-03': [40_000, 124_500, 2],
    });
    const february = costs.months.find((entry) => entry.month === '2025-02')!.services;
    expect(february).toHaveLength(2);
    expect(february).toEqual(
      expect.arrayContaining([
        { serviceId: costsWorld.services.serviceA.id, units: 2.5, costCents: 34_500 },
        { serviceId: costsWorld.services.serviceB.id, units: 3, costCents: 30_000 },
      ]),
    );
    expect(costs.referenceCosts).toEqual([
      { kind: 'placement-outside-home', yearlyCostCents: 13_000_000, validFrom: '2000-01-01' },
      { kind: 'substance-abuse-institution', yearlyCostCents: 6_100_000, validFrom: '2000-01-01' },
      { kind: 'prison', yearlyCostCents: 7_800_000, validFrom: '2000-01-01' },
    ]);
  });

  it('when a price changes after the usage was recorded, then the past totals stay as they were', async () => {
    const before = await costsOf();
    const admin = await agentOf('admin', costsWorld);
    await admin.patch(`/api/services/${costsWorld.services.serviceA.id}`).send({ unitCostCents: 99_900 }).expect(200);
    const after = await costsOf();
    expect(after.months.filter((entry) => entry.month < '2025-04')).toEqual(
      before.months.filter((entry) => entry.month < '2025-04'),
    );
    expect(after.totalCents).toBe(before.totalCents);
  });

  it('when an entry is corrected, then its month and every later cumulative figure follow', async () => {
    await coordinator
      .patch(`${usagePath(costsWorld)}/${feb20}`)
      .send({ units: 1, version: 1 })
      .expect(200);
    expect(byMonth(await costsOf())).toMatchObject({
      '2025-01': [20_000, 20_000, 2],
      '2025-02': [57_000, 77_000, 2],
      '2025-03': [40_000, 117_000, 2],
    });
  });

  it('when the role ends mid-month and the case closes, then usage after the end is refused, later writes too, and the months end with the last usage', async () => {
    const { roleB } = costsWorld.roles;
    const afterEnd = await coordinator.post(usagePath(costsWorld)).send(day(roleB.id, '2025-03-20', 1));
    expect(afterEnd.body.errors).toEqual([{ path: 'body.usedOn', message: "The service's role had ended." }]);
    const [family] = await testApp.database.db.select().from(families).where(eq(families.id, costsWorld.family.id));
    await coordinator
      .patch(`/api/families/${costsWorld.family.id}`)
      .send({ status: 'closed', version: family!.version })
      .expect(200);
    const closed = await coordinator.post(usagePath(costsWorld)).send(day(costsWorld.roles.roleA.id, '2025-03-11', 1));
    expect(closed.body.code).toBe('case_closed');

    const costs = await costsOf();
    expect(costs.months.map((entry) => entry.month)).toEqual(['2025-01', '2025-02', '2025-03']);
    expect(costs.totalCents).toBe(117_000);
  });

  it("when a worker reads the costs, then only their own service's figures are in them", async () => {
    // Worker A still has access: the closed case keeps its roles, and A's has not ended.
    const costs = await costsOf(await agentOf('workerA', costsWorld));
    expect(costs.scope).toBe('own-services');
    expect(costs.services.map((service) => service.id)).toEqual([costsWorld.services.serviceA.id]);
    expect(byMonth(costs)).toMatchObject({ '2025-01': [20_000, 20_000, 1], '2025-02': [27_000, 47_000, 1] });
  });
});
