import {
  coordinatorWorkspaceSchema,
  declinedInvitationListSchema,
  demoAccountSchema,
  familyCostsSchema,
  familyListSchema,
  feedbackListSchema,
  historicalCostImportListSchema,
  measurementListSchema,
  planSchema,
  roles,
} from '@yhdessa/shared';
import { eq } from 'drizzle-orm';
import { mailOutbox } from '../../db/tables/mail-outbox';
import request from 'supertest';
import { organisations } from '../../db/tables/organisations';
import { serviceUsage } from '../../db/tables/service-usage';
import { services } from '../../db/tables/services';
import { signInAs, startTestApp, type TestApp } from '../../test/test-app';
import { demoAccounts } from './demo-accounts';
import { roundUnits } from './demo-figures';
import { monthlyUnitsByName, seedDemoWorld } from './seed-demo-world';
import { sendInvitationReminders } from '../service-roles/invitation-reminders';
import { outboxOnlyMailer } from '../../mail/mailer';

// Seeding the demo (300 generated families with their usage and outcomes) takes 8-18 s on a busy 2-core machine.
jest.setTimeout(90_000);
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

  it("when Sari opens Perhe Mäkinen's plan and her workspace, then family work's refusal stays with Mikko's reason, and early education's due reminder went to its contact address", async () => {
    const sari = await signInAs(testApp.app, demoAccounts.coordinator);
    const { families } = familyListSchema.parse((await sari.get('/api/families')).body);
    const makinen = families.find((family) => family.name === 'Perhe Mäkinen')!;
    const { declinedInvitations } = declinedInvitationListSchema.parse(
      (await sari.get(`/api/families/${makinen.id}/service-roles/declined`)).body,
    );
    expect(declinedInvitations).toEqual([
      expect.objectContaining({
        respondedBy: expect.objectContaining({ name: 'Mikko Salo' }),
        reason: expect.stringContaining('jono'),
        message: expect.any(String),
      }),
    ]);

    const { reminded } = await sendInvitationReminders(testApp.database, { config: testApp.config, mailer: outboxOnlyMailer });
    expect(reminded).toEqual([{ id: expect.any(String), recipients: 1 }]);
    const [reminder] = await testApp.database.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.to, 'paivakoti.keskusta@varkaus-demo.fi'));
    expect(reminder?.subject).toMatch(/^Muistutus/);
    const workspace = coordinatorWorkspaceSchema.parse((await sari.get('/api/workspace')).body);
    expect(workspace.unansweredInvitations.find((each) => each.family.name === 'Perhe Virtanen')?.reminder).toEqual({
      sentAt: expect.any(String),
      recipients: 1,
    });
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

  it("when Perhe Virtanen's outcomes are opened, then Anna finds her meters over time, Eetu's among them, the shared ones reach family work but not the school, Sari reads the permitted feedback, and the goals have ended in two ways", async () => {
    const anna = await signInAs(testApp.app, demoAccounts.guardian);
    const { families } = familyListSchema.parse((await anna.get('/api/families')).body);
    const familyUrl = `/api/families/${families.find((family) => family.name === 'Perhe Virtanen')!.id}`;

    const { measurements } = measurementListSchema.parse((await anna.get(`${familyUrl}/measurements`).expect(200)).body);
    const days = measurements.map((measurement) => measurement.takenOn).sort();
    expect(days.length).toBeGreaterThanOrEqual(3);
    expect(new Set(days).size).toBe(days.length);
    expect(days.at(-1)! < new Date().toISOString().slice(0, 10)).toBe(true);
    expect(measurements.some((measurement) => measurement.respondentVersion === 'young')).toBe(true);
    const mean = (day: string) => {
      const { scores } = measurements.find((measurement) => measurement.takenOn === day)!;
      return scores.reduce((sum, score) => sum + score.score, 0) / scores.length;
    };
    expect(mean(days.at(-2)!)).toBeGreaterThan(mean(days[0]!));

    await (await signInAs(testApp.app, demoAccounts.familyWorker)).get(`${familyUrl}/measurements`).expect(200);
    await (await signInAs(testApp.app, demoAccounts.schoolWorker)).get(`${familyUrl}/measurements`).expect(404);

    const coordinator = await signInAs(testApp.app, demoAccounts.coordinator);
    const { requests } = feedbackListSchema.parse((await coordinator.get(`${familyUrl}/feedback`).expect(200)).body);
    expect(requests.map((request) => [request.occasion, request.answer?.coordinatorMaySee])).toEqual([['review', true]]);

    const plan = planSchema.parse((await coordinator.get(`${familyUrl}/plan`).expect(200)).body);
    const statuses = plan.goals.map((goal) => goal.status).sort();
    expect(statuses).toEqual(['open', 'open', 'partly_reached', 'reached']);
    const reached = plan.goals.find((goal) => goal.status === 'reached')!;
    expect(reached.attainmentScale).not.toBeNull();
    expect(reached.attainedLevel).toBe(0);
    expect(plan.goals.some((goal) => goal.status === 'open' && goal.attainmentScale !== null)).toBe(true);
  });
});
