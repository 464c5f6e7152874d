import { demoAccountSchema, familyCostsSchema, familyListSchema, historicalCostImportListSchema, roles } from '@yhdessa/shared';
import { eq } from 'drizzle-orm';
import request from 'supertest';
import { organisations } from '../../db/tables/organisations';
import { serviceUsage } from '../../db/tables/service-usage';
import { services } from '../../db/tables/services';
import { signInAs, startTestApp, type TestApp } from '../../test/test-app';
import { demoAccounts } from './demo-accounts';
import { roundUnits } from './demo-figures';
import { monthlyUnitsByName, seedDemoWorld } from './seed-demo-world';

let testApp: TestApp;

beforeAll(async () => {
  testApp = await startTestApp({ DEMO: '1' });
  await seedDemoWorld(testApp.database.db);
});
afterAll(() => testApp.close());

describe('demo mode', () => {
  it('when demo mode is on, then /api/demo/accounts lists at least one login per role, and each signs in', async () => {
    const response = await request(testApp.app).get('/api/demo/accounts');
    expect(response.status).toBe(200);
    const accounts = demoAccountSchema.array().parse(response.body);
    expect(new Set(accounts.map((account) => account.role))).toEqual(new Set(roles));
    for (const account of accounts) await signInAs(testApp.app, account);
  });

  it('when seeding runs again, then nothing is added twice, and the manager finds the Raahe figures imported once', async () => {
    const before = await testApp.database.db.select().from(organisations);
    expect(await seedDemoWorld(testApp.database.db)).toBe(false);
    expect(await testApp.database.db.select().from(organisations)).toHaveLength(before.length);
    const manager = await signInAs(testApp.app, demoAccounts.manager);
    const { imports } = historicalCostImportListSchema.parse((await manager.get('/api/insights/historical-costs')).body);
    expect(imports.map((file) => [file.source, file.yearTotals.map((total) => total.totalCostCents)])).toEqual([
      ['raahe-child-family-services-2011-2013.csv', [463_093_600, 526_369_200, 566_340_300]],
    ]);
  });

  it('when the demo coordinator signs in, then they see families at every stage, one with six services', async () => {
    const agent = await signInAs(testApp.app, (await request(testApp.app).get('/api/demo/accounts')).body[0]);
    const { families } = familyListSchema.parse((await agent.get('/api/families')).body);
    expect(new Set(families.map((family) => family.status))).toEqual(new Set(['new', 'active', 'in_review', 'closed']));
    expect(Math.max(...families.map((family) => family.serviceCount))).toBeGreaterThanOrEqual(6);
    expect(families.some((family) => family.overdueActionCount > 0)).toBe(true);
  });

  it("when the demo coordinator opens the busiest family's costs, then every month has usage priced and the running total adds up", async () => {
    const agent = await signInAs(testApp.app, (await request(testApp.app).get('/api/demo/accounts')).body[0]);
    const { families } = familyListSchema.parse((await agent.get('/api/families')).body);
    const busiest = families.reduce((most, family) => (family.serviceCount > most.serviceCount ? family : most));
    const costs = familyCostsSchema.parse((await agent.get(`/api/families/${busiest.id}/service-usage/costs`).expect(200)).body);
    expect(costs.services.length).toBeGreaterThanOrEqual(6);
    expect(costs.totalCents).toBe(costs.months.reduce((sum, month) => sum + month.costCents, 0));
    expect(costs.months.at(-1)!.cumulativeCents).toBe(costs.totalCents);
  });

  it("when the families' monthly usage is read, then the units differ between services and months, each near its service's usual range", async () => {
    const usage = await testApp.database.db
      .select({ service: services.name, unit: services.unit, month: serviceUsage.usedOn, units: serviceUsage.units })
      .from(serviceUsage)
      .innerJoin(services, eq(services.id, serviceUsage.serviceId));
    expect(new Set(usage.map((entry) => entry.units)).size).toBeGreaterThan(6);
    for (const month of new Set(usage.map((entry) => entry.month))) {
      const units = usage.filter((entry) => entry.month === month).map((entry) => entry.units);
      expect(new Set(units).size).toBeGreaterThan(2);
    }
    for (const entry of usage) {
      const [low, high] = monthlyUnitsByName.get(entry.service.fi)!;
      expect(entry.units).toBeGreaterThanOrEqual(roundUnits(low * 0.8, entry.unit));
      expect(entry.units).toBeLessThanOrEqual(high);
    }
  });
});
