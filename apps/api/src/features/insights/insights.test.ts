import fs from 'node:fs';
import {
  caseloadPageSchema,
  costTablePageSchema,
  forecastServicePageSchema,
  historicalCostImportSchema,
  insightsCaseloadsSchema,
  insightsChangeSchema,
  insightsCostsSchema,
  insightsForecastSchema,
  insightsOutcomesSchema,
  outcomeServicePageSchema,
  type OutcomeGroup,
} from '@yhdessa/shared';
import { and, eq, inArray } from 'drizzle-orm';
import { auditEvents } from '../../db/tables/audit';
import { accounts } from '../../db/tables/accounts';
import { familyMembers, families } from '../../db/tables/families';
import { feedbackRequests } from '../../db/tables/feedback';
import { goals } from '../../db/tables/goals';
import { measurementScores, measurements } from '../../db/tables/measurements';
import { historicalCostImports } from '../../db/tables/historical-costs';
import { servicePrices } from '../../db/tables/service-prices';
import { serviceUsage } from '../../db/tables/service-usage';
import { apiRoutes } from '../../routes';
import { buildFamily, buildMember, buildServiceRole } from '../../test/factories';
import { signInAs, startTestApp, type TestApp } from '../../test/test-app';
import { buildWorld, type PersonKey, type World } from '../../test/world';
import { RAAHE_COSTS_FILE } from '../demo/seed-demo-historical-costs';
import { monthsBefore } from './cost-forecast';
import { encodeCursor } from '../../http/cursor';
import { municipalityMonth } from '../../core/clock';

jest.setTimeout(60_000);

let testApp: TestApp;
let world: World;
let use: (
  familyId: string,
  serviceId: string,
  usedOn: string,
  units: number,
  period?: 'day' | 'month',
) => typeof serviceUsage.$inferInsert;

/**
 * Six families use service A (Perhetyö): one unit on 31 January 2026 at 100 EUR, and family i
 * (0-5) i + 1 units on 1 February at the new price of 120 EUR; family 0 also 2.5 units in
 * February as a month. Families 0-4 use service B (Koulukuraattori) once in January at 50 EUR.
 * A test below adds one family's use in 2025.
 */
beforeAll(async () => {
  testApp = await startTestApp();
  const { db } = testApp.database;
  world = await buildWorld(db);
  const { serviceA, serviceB } = world.services;
  await db.insert(servicePrices).values([
    { serviceId: serviceA.id, validFrom: '2025-01-01', unitCostCents: 10_000 },
    { serviceId: serviceA.id, validFrom: '2026-02-01', unitCostCents: 12_000 },
    { serviceId: serviceB.id, validFrom: '2025-01-01', unitCostCents: 5_000 },
  ]);
  const using = [world.family];
  // Usage is recorded on the family's own role of the service (one entry per role, period and day).
  const roleOf = new Map<string, string>([
    [`${world.family.id}:${serviceA.id}`, world.roles.roleA.id],
    [`${world.family.id}:${serviceB.id}`, world.roles.roleB.id],
  ]);
  for (const n of [1, 2, 3, 4, 5]) {
    const family = await buildFamily(db, { coordinatorId: world.people.coordinator.id, name: `Perhe Käyttäjä${n}` });
    await buildMember(db, family.id, { name: `Jäsen Käyttäjä${n}` });
    roleOf.set(`${family.id}:${serviceA.id}`, (await buildServiceRole(db, family.id, serviceA.id)).id);
    roleOf.set(`${family.id}:${serviceB.id}`, (await buildServiceRole(db, family.id, serviceB.id)).id);
    using.push(family);
  }
  const recordedBy = world.people.workerA.id;
  use = (familyId, serviceId, usedOn, units, period = 'day') => ({
    familyId,
    serviceRoleId: roleOf.get(`${familyId}:${serviceId}`)!,
    serviceId,
    usedOn,
    period,
    units,
    recordedBy,
  });
  await db
    .insert(serviceUsage)
    .values([
      ...using.map((family) => use(family.id, serviceA.id, '2026-01-31', 1)),
      ...using.map((family, i) => use(family.id, serviceA.id, '2026-02-01', i + 1)),
      use(world.family.id, serviceA.id, '2026-02-01', 2.5, 'month'),
      ...using.slice(0, 5).map((family) => use(family.id, serviceB.id, '2026-01-15', 1)),
    ]);
});
afterAll(() => testApp.close());

const agentOf = (person: PersonKey) => signInAs(testApp.app, world.people[person]);
const shown = (costCents: number, families: number) => ({ suppressed: false, costCents, families });
const hidden = { suppressed: true, costCents: null, families: null };
const empty = { suppressed: false, costCents: 0, families: 0 };

describe('the cost of services', () => {
  it('when the manager reads 2026, then each month is priced by the period its day falls in, totals count each family once, and the read is audited', async () => {
    const response = await (await agentOf('manager')).get('/api/insights/costs?year=2026').expect(200);
    const costs = insightsCostsSchema.parse(response.body);
    expect(costs.years).toEqual([2026]);
    const { byServiceMonth } = costs;
    expect(byServiceMonth.columns.slice(0, 3)).toEqual(['2026-01', '2026-02', '2026-03']);
    // A in January: 6 · 100 EUR; in February: 21 units · 120 EUR + 2.5 · 120 EUR.
    // The largest cost first.
    expect(byServiceMonth.rows.map((row) => [row.label.fi, row.cells.slice(0, 3), row.total])).toEqual([
      ['Perhetyö', [shown(60_000, 6), shown(282_000, 6), empty], shown(342_000, 6)],
      ['Koulukuraattori', [shown(25_000, 5), empty, empty], shown(25_000, 5)],
    ]);
    expect(byServiceMonth).toMatchObject({ count: 2, nextCursor: null });
    expect(byServiceMonth.columnTotals.slice(0, 3)).toEqual([shown(85_000, 6), shown(282_000, 6), empty]);
    expect(byServiceMonth.total).toEqual(shown(367_000, 6));
    expect(costs.byOrganisationMonth.rows).toEqual([
      { label: { fi: 'Testikunta' }, cells: expect.arrayContaining([shown(85_000, 6)]), total: shown(367_000, 6) },
    ]);
    // Per family: 390, 510, 570, 630, 750 and 820 EUR.
    expect(costs.perFamily).toEqual({
      suppressed: false,
      families: 6,
      lowerQuartileCents: 52_500,
      medianCents: 60_000,
      upperQuartileCents: 72_000,
    });
    const audit = await testApp.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.actorId, world.people.manager.id), eq(auditEvents.resource, 'insights')));
    expect(audit.map((row) => [row.action, row.resourceId, row.familyId, row.outcome])).toEqual([
      ['read', 'costs', null, 'allowed'],
    ]);
  });

  it('when only one year has usage, then there is nothing to compare before and after', async () => {
    const response = await (await agentOf('manager')).get('/api/insights/change').expect(200);
    expect(insightsChangeSchema.parse(response.body)).toEqual({ years: [2026], cohorts: [], comparison: null });
  });

  it('when one family alone used a service in 2025, then every table hides it, and every figure that would give it away, in every table alike', async () => {
    await testApp.database.db.insert(serviceUsage).values(use(world.family.id, world.services.serviceA.id, '2025-12-31', 1));
    const costs = insightsCostsSchema.parse((await (await agentOf('manager')).get('/api/insights/costs?year=2026')).body);
    expect(costs.years).toEqual([2025, 2026]);
    // By year: A 2025 (one family) hides A 2026 (342,000 < 352,000) and the 2025 total the 2026 total (367,000 < 377,000).
    expect(costs.byServiceYear).toEqual({
      columns: ['2025', '2026'],
      rows: [
        { label: { fi: 'Perhetyö', en: 'Perhetyö' }, cells: [hidden, hidden], total: shown(352_000, 6) },
        { label: { fi: 'Koulukuraattori', en: 'Koulukuraattori' }, cells: [empty, shown(25_000, 5)], total: shown(25_000, 5) },
      ],
      columnTotals: [hidden, hidden],
      total: shown(377_000, 6),
      nextCursor: null,
      count: 2,
    });
    // By month, A's 2026 total and the 2026 total are those same two figures, so they are hidden here too (else
    // 352,000 - 342,000 would give away A 2025), and with them the smaller January beside each.
    const { byServiceMonth, byOrganisationMonth } = costs;
    // A hidden total counts as none in the order, so Perhetyö's tells nothing by its place.
    expect(byServiceMonth.rows.map((row) => [row.label.fi, row.cells.slice(0, 2), row.total])).toEqual([
      ['Koulukuraattori', [shown(25_000, 5), empty], shown(25_000, 5)],
      ['Perhetyö', [hidden, shown(282_000, 6)], hidden],
    ]);
    expect([byServiceMonth.columnTotals.slice(0, 2), byServiceMonth.total]).toEqual([[hidden, shown(282_000, 6)], hidden]);
    expect(byOrganisationMonth.rows.map((row) => [row.cells.slice(0, 2), row.total])).toEqual([
      [[hidden, shown(282_000, 6)], hidden],
    ]);
  });

  it('when a year had usage of fewer than five families, then the per-family figures are not told', async () => {
    const costs = insightsCostsSchema.parse((await (await agentOf('manager')).get('/api/insights/costs?year=2025')).body);
    expect(costs.perFamily).toMatchObject({ suppressed: true, medianCents: null });
    expect(costs.byServiceMonth.total).toEqual(hidden);
  });
});

describe('the cost tables and the forecasts, a page at a time', () => {
  const read = async (path: string, status = 200) => (await agentOf('manager')).get(path).expect(status);
  const cursorProblem = async (path: string) => {
    const response = await read(path, 400);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    return (response.body as { errors: { path: string; message: string }[] }).errors[0]!;
  };

  it("when the manager pages through each table one row at a time, then the pages hold the whole answer's rows with the same figures hidden, the totals and the count on each, and the reads are audited", async () => {
    const whole = insightsCostsSchema.parse((await read('/api/insights/costs?year=2026')).body);
    for (const [name, list] of [
      ['byServiceMonth', 'by-service-month?year=2026&'],
      ['byOrganisationMonth', 'by-organisation-month?year=2026&'],
      ['byServiceYear', 'by-service-year?'],
    ] as const) {
      const pages = [costTablePageSchema.parse((await read(`/api/insights/costs/${list}limit=1`)).body)];
      while (pages.at(-1)!.nextCursor)
        pages.push(
          costTablePageSchema.parse((await read(`/api/insights/costs/${list}limit=1&cursor=${pages.at(-1)!.nextCursor}`)).body),
        );
      expect(pages.flatMap((page) => page.rows)).toEqual(whole[name].rows);
      for (const page of pages)
        expect(page).toMatchObject({
          columns: whole[name].columns,
          columnTotals: whole[name].columnTotals,
          total: whole[name].total,
          count: whole[name].count,
        });
    }
    // Perhetyö's 2025 (one family) hides on its page as in the whole answer, and so does Perhetyö's 2026 beside it.
    const [perhetyo] = costTablePageSchema.parse((await read('/api/insights/costs/by-service-year?limit=1')).body).rows;
    expect([perhetyo!.label.fi, perhetyo!.cells]).toEqual(['Perhetyö', [hidden, hidden]]);
    const audit = await testApp.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.actorId, world.people.manager.id), eq(auditEvents.resourceId, 'costs')));
    expect(audit.filter((row) => (row.detail as { byServiceYear?: string } | null)?.byServiceYear === 'page')).not.toHaveLength(
      0,
    );
  });

  it('when a cursor is not one of ours, of another table or year, or names a row no longer in the table, then 400 and no page', async () => {
    const first = costTablePageSchema.parse((await read('/api/insights/costs/by-service-month?year=2026&limit=1')).body);
    expect(await cursorProblem('/api/insights/costs/by-service-month?cursor=bm90LWEtY3Vyc29y')).toEqual({
      path: 'query.cursor',
      message: 'Not a cursor this API gave.',
    });
    expect((await cursorProblem(`/api/insights/costs/by-service-month?year=2025&cursor=${first.nextCursor}`)).message).toMatch(
      /another list/,
    );
    expect(
      (await cursorProblem(`/api/insights/costs/by-organisation-month?year=2026&cursor=${first.nextCursor}`)).message,
    ).toMatch(/another list/);
    expect((await cursorProblem(`/api/insights/forecast/services?cursor=${first.nextCursor}`)).message).toMatch(/another list/);
    const gone = encodeCursor({ order: 'costs:by-service-year', after: '00000000-0000-4000-8000-000000000000' });
    expect((await cursorProblem(`/api/insights/costs/by-service-year?cursor=${gone}`)).message).toMatch(/no longer in it/);
    const forecastGone = encodeCursor({
      order: `forecast:services:${municipalityMonth()}`,
      after: '00000000-0000-4000-8000-000000000000',
    });
    expect((await cursorProblem(`/api/insights/forecast/services?cursor=${forecastGone}`)).message).toMatch(/no longer in it/);
    // A cursor of last month's forecast: its order was another.
    const lastMonth = encodeCursor({
      order: `forecast:services:${monthsBefore(municipalityMonth(), 1)[0]}`,
      after: world.services.serviceA.id,
    });
    expect((await cursorProblem(`/api/insights/forecast/services?cursor=${lastMonth}`)).message).toMatch(/another list/);
    await read('/api/insights/costs/by-service-year?year=2026', 400);
    await read('/api/insights/costs/by-service-month?limit=101', 400);
  });

  it("when the manager pages through the forecasts, then the pages hold the first answer's services, and the count of all on each", async () => {
    const whole = insightsForecastSchema.parse((await read('/api/insights/forecast')).body);
    const first = forecastServicePageSchema.parse((await read('/api/insights/forecast/services?limit=1')).body);
    const rest = forecastServicePageSchema.parse((await read(`/api/insights/forecast/services?cursor=${first.nextCursor}`)).body);
    expect([first.count, rest.count, rest.nextCursor]).toEqual([whole.services.count, whole.services.count, null]);
    expect([...first.forecasts, ...rest.forecasts]).toEqual(whole.services.forecasts);
    expect(forecastServicePageSchema.parse((await read('/api/insights/forecast/services')).body)).toEqual(whole.services);
  });
});

describe('caseloads', () => {
  it('when the manager reads caseloads, then the single family of a coordinator and of a bucket are hidden with the cell that would give them away', async () => {
    const response = await (await agentOf('manager')).get('/api/insights/caseloads').expect(200);
    const { servicesPerFamily, caseloads } = insightsCaseloadsSchema.parse(response.body);
    // Open families: the world's first family and five more with A and B (2 services), the other family with C (1).
    expect(servicesPerFamily.buckets.map((bucket) => [bucket.label, bucket.families.families])).toEqual([
      ['0', 0],
      ['1', null],
      ['2', null],
      ['3', 0],
      ['4', 0],
      ['5', 0],
      ['6+', 0],
    ]);
    expect(servicesPerFamily.total).toEqual({ suppressed: false, families: 7 });
    expect(caseloads).toEqual({
      buckets: [
        { label: '1', families: { suppressed: true, families: null } },
        { label: '2', families: { suppressed: true, families: null } },
      ],
      total: { suppressed: false, families: 7 },
      nextCursor: null,
      count: 2,
    });
  });
});

describe('the caseloads of the coordinators, a page at a time', () => {
  const pageOf = async (query: string) =>
    caseloadPageSchema.parse(
      (await (await agentOf('manager')).get(`/api/insights/caseloads/coordinators${query}`).expect(200)).body,
    );
  const cursorProblem = async (cursor: string) => {
    const response = await (await agentOf('manager')).get(`/api/insights/caseloads/coordinators?cursor=${cursor}`).expect(400);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.body).toMatchObject({ errors: [{ path: 'query.cursor' }] });
    return response.body as { errors: { message: string }[] };
  };

  it("when the manager pages through the coordinators one at a time, then the pages hold the whole answer's buckets with the same figures hidden, the total and the count on each, and the reads are audited", async () => {
    const whole = insightsCaseloadsSchema.parse(
      (await (await agentOf('manager')).get('/api/insights/caseloads').expect(200)).body,
    );
    const first = await pageOf('?limit=1');
    expect(first).toMatchObject({ count: 2, nextCursor: expect.any(String), total: whole.caseloads.total });
    const second = await pageOf(`?limit=1&cursor=${first.nextCursor}`);
    expect(second).toMatchObject({ count: 2, nextCursor: null, total: whole.caseloads.total });
    expect([...first.buckets, ...second.buckets]).toEqual(whole.caseloads.buckets);
    expect(await pageOf('')).toEqual(whole.caseloads);
    // The cursor names the rank the answer shows, never the coordinator's account.
    expect(JSON.parse(Buffer.from(first.nextCursor!, 'base64url').toString('utf8'))).toEqual({
      order: 'caseloads:coordinators',
      after: '1',
    });
    const audit = await testApp.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.actorId, world.people.manager.id), eq(auditEvents.resourceId, 'caseloads')));
    expect(audit.filter((row) => (row.detail as { coordinators?: string } | null)?.coordinators === 'page')).toHaveLength(3);
  });

  it('when the cursor is not one of ours, belongs to another list, names an account or a rank past the last coordinator, then 400 and no page', async () => {
    expect((await cursorProblem('bm90LWEtY3Vyc29y')).errors[0]!.message).toBe('Not a cursor this API gave.');
    const servicesCursor = encodeCursor({ order: 'outcomes:services', after: world.services.serviceA.id });
    expect((await cursorProblem(servicesCursor)).errors[0]!.message).toMatch(/another list/);
    const byAccount = encodeCursor({ order: 'caseloads:coordinators', after: world.people.coordinator.id });
    expect((await cursorProblem(byAccount)).errors[0]!.message).toBe('Not a cursor this API gave.');
    const pastTheLast = encodeCursor({ order: 'caseloads:coordinators', after: '3' });
    expect((await cursorProblem(pastTheLast)).errors[0]!.message).toMatch(/no longer in it/);
    // A coordinators' cursor cannot steer the outcomes' list either.
    const ranked = encodeCursor({ order: 'caseloads:coordinators', after: '1' });
    await (await agentOf('manager')).get(`/api/insights/outcomes/services?cursor=${ranked}`).expect(400);
    await (await agentOf('manager')).get('/api/insights/caseloads/coordinators?limit=0').expect(400);
  });
});

describe('forecast', () => {
  it('when the manager reads the forecast, then it covers the last 36 complete months, is audited, and has no line from two months', async () => {
    const response = await (await agentOf('manager')).get('/api/insights/forecast').expect(200);
    const forecast = insightsForecastSchema.parse(response.body);
    const thisMonth = municipalityMonth();
    expect(forecast.year).toBe(Number(thisMonth.slice(0, 4)) + 1);
    expect(forecast.fittedTo).toBe(monthsBefore(thisMonth, 1)[0]);
    expect(forecast.fittedFrom).toBe(monthsBefore(thisMonth, 36)[0]);
    // The fixture's families used the services in a few months only: too few for a line (the math is in cost-forecast.test.ts).
    expect(forecast.total.available).toBe(false);
    expect(forecast.services.forecasts.map((service) => service.forecast.available)).not.toContain(true);
    const [audited] = await testApp.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.resource, 'insights'), eq(auditEvents.resourceId, 'forecast')));
    expect(audited).toMatchObject({ actorId: world.people.manager.id, action: 'read', outcome: 'allowed', familyId: null });
  });
});

describe('outcomes', () => {
  /**
   * Each of the six families using A reaches a goal on 1 March 2026; the five also using B (0-4) took a wellbeing
   * meter on 1 October 2025 and a better one on 1 February 2026, and answered the experience questions in 2026.
   * The other family (no usage) reached a goal and dropped one. By now one family used A in 2025 as well.
   */
  beforeAll(async () => {
    const { db } = testApp.database;
    const usedA = await db
      .selectDistinct({ familyId: serviceUsage.familyId })
      .from(serviceUsage)
      .where(and(eq(serviceUsage.serviceId, world.services.serviceA.id), eq(serviceUsage.usedOn, '2026-02-01')));
    const usedB = await db
      .selectDistinct({ familyId: serviceUsage.familyId })
      .from(serviceUsage)
      .where(eq(serviceUsage.serviceId, world.services.serviceB.id));
    expect([usedA.length, usedB.length]).toEqual([6, 5]);
    const ending = (familyId: string, status: 'reached' | 'dropped') => ({
      familyId,
      title: 'Tavoite',
      status,
      endedOn: '2026-03-01',
    });
    await db
      .insert(goals)
      .values([
        ...[...usedA, { familyId: world.otherFamily.id }].map(({ familyId }) => ending(familyId, 'reached')),
        ending(world.otherFamily.id, 'dropped'),
      ]);
    const members = await db
      .select()
      .from(familyMembers)
      .where(
        inArray(
          familyMembers.familyId,
          usedB.map((row) => row.familyId),
        ),
      );
    for (const { familyId } of usedB) {
      const member = members.find((each) => each.familyId === familyId)!;
      for (const [takenOn, score] of [
        ['2025-10-01', 2],
        ['2026-02-01', 3],
      ] as const) {
        const [meter] = await db
          .insert(measurements)
          .values({
            familyId,
            takenOn,
            occasion: 'own',
            respondentVersion: 'adult',
            memberId: member.id,
            recordedBy: world.people.coordinator.id,
          })
          .returning();
        await db.insert(measurementScores).values(
          (['daily-life', 'housing', 'safety'] as const).map((domain) => ({
            measurementId: meter!.id,
            familyId,
            domain,
            score,
          })),
        );
      }
      await db.insert(feedbackRequests).values({
        familyId,
        occasion: 'closing',
        answeredAt: new Date('2026-03-10T10:00:00Z'),
        answeredBy: world.people.coordinator.id,
        workedTogether: 9,
        noRetelling: 8,
        wouldRecommend: 10,
      });
    }
  });

  const shown = (value: number | null, families: number) => ({ suppressed: false, value, families });
  const hiddenFigure = { suppressed: true, value: null, families: null };
  const period = (group: OutcomeGroup | undefined, year: number | null) => group!.periods.find((each) => each.year === year)!;

  it('when the manager reads the outcomes, then each municipality and service has its figures, costs as the cost tables show them, and the read is audited', async () => {
    const response = await (await agentOf('manager')).get('/api/insights/outcomes').expect(200);
    const outcomes = insightsOutcomesSchema.parse(response.body);
    expect(outcomes.years).toEqual([2025, 2026]);
    expect(outcomes.groups.map((group) => [group.kind, group.label.fi])).toEqual([['municipality', 'Testikunta']]);
    // The services most families used first: A's six, then B's five (by name, B would come first).
    expect(outcomes.services.groups.map((group) => [group.kind, group.label.fi])).toEqual([
      ['service', 'Perhetyö'],
      ['service', 'Koulukuraattori'],
    ]);
    expect(outcomes.services).toMatchObject({ nextCursor: null, count: 2 });
    const [municipality] = outcomes.groups;
    const [serviceA, serviceB] = outcomes.services.groups;
    const thisYear = period(municipality, 2026);
    // One family dropped a goal: hidden; 8 ended - 7 not dropped would tell it, so the 7 are hidden, and then the 7
    // reached, the one other count of those 7 (the rate would tell it too).
    expect(thisYear.goals).toMatchObject({
      reached: hiddenFigure,
      dropped: hiddenFigure,
      notReached: shown(0, 0),
      ended: shown(8, 7),
      attainmentRate: hiddenFigure,
    });
    // Service A's six families, without the one who dropped a goal: all shown.
    expect(period(serviceA, 2026).goals).toMatchObject({ reached: shown(6, 6), attainmentRate: shown(100, 6) });
    expect(thisYear.wellbeing).toMatchObject({ measured: shown(5, 5), improvedShare: shown(100, 5) });
    expect(thisYear.wellbeing.domains.find((domain) => domain.domain === 'housing')!.meanChange).toEqual(shown(1, 5));
    expect(thisYear.experience).toMatchObject({ answers: shown(5, 5), noRetelling: shown(8, 5), recommendScore: shown(100, 5) });
    // The cost tables hide 2026's total (one family alone used A in 2025), so its cost per outcome is hidden too;
    // every year's 377,000 EUR shows, per family improved 3,770 / 5 EUR (the goals reached are hidden).
    expect(thisYear.costPerOutcome).toEqual({
      cost: { suppressed: true, costCents: null, families: null },
      costPerGoalReached: hiddenFigure,
      costPerFamilyImproved: hiddenFigure,
    });
    expect(period(municipality, null).costPerOutcome).toEqual({
      cost: { suppressed: false, costCents: 377_000, families: 6 },
      costPerGoalReached: hiddenFigure,
      costPerFamilyImproved: shown(75_400, 5),
    });
    // B alone: 250 EUR in 2026 for the five families that used it, who reached five goals.
    expect(period(serviceB, 2026).costPerOutcome).toEqual({
      cost: { suppressed: false, costCents: 25_000, families: 5 },
      costPerGoalReached: shown(5_000, 5),
      costPerFamilyImproved: shown(5_000, 5),
    });
    const [audited] = await testApp.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.resource, 'insights'), eq(auditEvents.resourceId, 'outcomes')));
    expect(audited).toMatchObject({ actorId: world.people.manager.id, action: 'read', outcome: 'allowed', familyId: null });
  });
});

describe('the outcomes of the services, a page at a time', () => {
  const pageOf = async (query: string) =>
    outcomeServicePageSchema.parse(
      (await (await agentOf('manager')).get(`/api/insights/outcomes/services${query}`).expect(200)).body,
    );
  const cursorProblem = async (cursor: string) => {
    const response = await (await agentOf('manager')).get(`/api/insights/outcomes/services?cursor=${cursor}`).expect(400);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.body).toMatchObject({ errors: [{ path: 'query.cursor' }] });
    return response.body as { errors: { message: string }[] };
  };

  it('when the manager pages through the services one at a time, then the pages hold the same groups as the whole answer, with the same figures hidden, and the count of all on each', async () => {
    const whole = insightsOutcomesSchema.parse((await (await agentOf('manager')).get('/api/insights/outcomes').expect(200)).body);
    const first = await pageOf('?limit=1');
    expect(first).toMatchObject({ count: 2, nextCursor: expect.any(String) });
    const second = await pageOf(`?limit=1&cursor=${first.nextCursor}`);
    expect(second).toMatchObject({ count: 2, nextCursor: null });
    expect([...first.groups, ...second.groups]).toEqual(whole.services.groups);
    expect(await pageOf('')).toEqual(whole.services);
    // Service A was used by one family alone in 2025: every figure of that year hides on the page as in the whole answer.
    const perhetyo = first.groups[0]!;
    expect(perhetyo.label.fi).toBe('Perhetyö');
    const year2025 = perhetyo.periods.find((period) => period.year === 2025)!;
    expect(year2025.costPerOutcome.cost).toEqual({ suppressed: true, costCents: null, families: null });
    // The cursor names a service by its id alone: nothing of a family or a figure.
    expect(JSON.parse(Buffer.from(first.nextCursor!, 'base64url').toString('utf8'))).toEqual({
      order: 'outcomes:services',
      after: world.services.serviceA.id,
    });
  });

  it('when the cursor is not one of ours, belongs to another list, or names a service no longer in the list, then 400 and no page', async () => {
    expect((await cursorProblem('bm90LWEtY3Vyc29y')).errors[0]!.message).toBe('Not a cursor this API gave.');
    const familiesCursor = encodeCursor({ order: 'families:name', after: world.services.serviceA.id });
    expect((await cursorProblem(familiesCursor)).errors[0]!.message).toMatch(/another list/);
    const gone = encodeCursor({ order: 'outcomes:services', after: '00000000-0000-4000-8000-000000000000' });
    expect((await cursorProblem(gone)).errors[0]!.message).toMatch(/no longer in it/);
    await (await agentOf('manager')).get('/api/insights/outcomes/services?limit=101').expect(400);
  });
});

describe('who sees the aggregates', () => {
  it.each<[PersonKey, number]>([
    ['manager', 200],
    ['admin', 404],
    ['coordinator', 404],
    ['workerA', 404],
    ['guardian', 404],
  ])('when %s asks for costs, the comparison, caseloads, historical costs and outcomes, then %i', async (person, status) => {
    const agent = await agentOf(person);
    for (const path of [
      '/api/insights/costs',
      '/api/insights/change',
      '/api/insights/caseloads',
      '/api/insights/forecast',
      '/api/insights/historical-costs',
      '/api/insights/outcomes',
      '/api/insights/outcomes/services',
      '/api/insights/caseloads/coordinators',
      '/api/insights/costs/by-service-month',
      '/api/insights/costs/by-organisation-month',
      '/api/insights/costs/by-service-year',
      '/api/insights/forecast/services',
    ])
      expect((await agent.get(path)).status).toBe(status);
  });
});

describe('nothing that names a person or a case reaches a manager', () => {
  it('when the manager calls every GET route they may, then no response holds a name, an e-mail, a family, member or account id', async () => {
    const { db } = testApp.database;
    const manager = world.people.manager;
    // Their own account is theirs to see (who am I); everyone else's is not.
    const people = (await db.select().from(accounts)).filter((account) => account.id !== manager.id);
    const forbidden = [
      ...people.flatMap((account) => [account.id, account.name, account.email]),
      ...(await db.select().from(families)).flatMap((family) => [family.id, family.name]),
      ...(await db.select().from(familyMembers)).flatMap((member) => [member.id, member.name]),
    ];
    expect(forbidden.length).toBeGreaterThan(50);
    const agent = await agentOf('manager');
    const reachable = apiRoutes(testApp.config).filter(
      (route) =>
        route.method === 'get' &&
        (route.access.kind === 'public' || (route.access.kind === 'signed-in' && route.access.roles.includes('manager'))),
    );
    expect(reachable.map((route) => route.path)).toEqual(
      expect.arrayContaining([
        '/insights/costs',
        '/insights/change',
        '/insights/caseloads',
        '/insights/forecast',
        '/insights/historical-costs',
        '/insights/outcomes',
      ]),
    );
    const leaks: string[] = [];
    const paths = reachable.map((route) => `/api${route.path.replace(/:\w+/g, '00000000-0000-4000-8000-000000000000')}`);
    const withQuery = [
      '/api/insights/costs?year=2025',
      '/api/insights/costs?year=2026',
      '/api/insights/change?mode=years&before=2025&after=2026',
    ];
    for (const path of [...paths, ...withQuery]) {
      const response = await agent.get(path);
      for (const value of forbidden) if (response.text.includes(value)) leaks.push(`${path} (${response.status}): ${value}`);
    }
    expect(leaks).toEqual([]);
  });
});

const RAAHE = fs.readFileSync(RAAHE_COSTS_FILE, 'utf8');

describe('importing historical costs', () => {
  const csv = (agent: Awaited<ReturnType<typeof agentOf>>, path: string, body: string) =>
    agent.post(path).set('content-type', 'text/csv; charset=utf-8').send(body);
  const storedImports = async () => (await testApp.database.db.select().from(historicalCostImports)).length;

  it('when the manager previews the Raahe file, then every line is read with the yearly totals of the source, and nothing is stored', async () => {
    const response = await csv(await agentOf('manager'), '/api/insights/historical-costs/import/preview', RAAHE).expect(200);
    expect(response.body).toMatchObject({ valid: true, errors: [] });
    expect(response.body.rows).toHaveLength(21);
    expect(response.body.yearTotals.map((total: { totalCostCents: number }) => total.totalCostCents)).toEqual([
      463_093_600, 526_369_200, 566_340_300,
    ]);
    expect(await storedImports()).toBe(0);
  });

  it('when a file has bad lines, then the import names each with its number and reason, and stores nothing', async () => {
    const bad = RAAHE.replace('2012,Sosiaalityö,Social work,1050,', '2012,Sosiaalityö,Social work,many,').concat(
      '2013,Jälkihuolto\n',
    );
    const response = await csv(await agentOf('manager'), '/api/insights/historical-costs/import', bad).expect(400);
    expect(response.body).toMatchObject({
      code: 'validation_failed',
      errors: [
        { path: 'line 10', message: 'clients must be a whole number, 0 or more' },
        { path: 'line 23', message: 'expected 6 columns, found 2' },
      ],
    });
    expect(await storedImports()).toBe(0);
  });

  it('when the file is sent as JSON, or CSV to a JSON route, then 415 and nothing is stored', async () => {
    const agent = await agentOf('manager');
    await agent.post('/api/insights/historical-costs/import').send({ file: RAAHE }).expect(415);
    await agent.post('/api/auth/logout-everywhere').set('content-type', 'text/csv').send(RAAHE).expect(415);
    expect(await storedImports()).toBe(0);
  });

  it('when the manager imports the Raahe file, then it is stored whole, audited, and read back per service and year with the source totals', async () => {
    const manager = await agentOf('manager');
    const response = await csv(
      manager,
      '/api/insights/historical-costs/import?source=raahe-child-family-services-2011-2013.csv',
      RAAHE,
    ).expect(201);
    const stored = historicalCostImportSchema.parse(response.body);
    expect(stored.yearTotals).toEqual([
      { year: 2011, clients: 2_603, totalCostCents: 463_093_600 },
      { year: 2012, clients: 3_208, totalCostCents: 526_369_200 },
      { year: 2013, clients: 2_798, totalCostCents: 566_340_300 },
    ]);
    const read = (await manager.get('/api/insights/historical-costs').expect(200)).body;
    expect(read.imports).toHaveLength(1);
    expect(read.imports[0].source).toBe('raahe-child-family-services-2011-2013.csv');
    expect(
      read.imports[0].rows.find(
        (row: { year: number; service: { en: string } }) => row.year === 2013 && row.service.en === 'Aftercare',
      ),
    ).toEqual({
      year: 2013,
      service: { fi: 'Jälkihuolto', en: 'Aftercare' },
      clients: 28,
      totalCostCents: 19_365_400,
      reportedCostPerClientCents: 708_700,
      computedCostPerClientCents: 691_621,
    });
    const audit = await testApp.database.db.select().from(auditEvents).where(eq(auditEvents.resource, 'historical-costs'));
    expect(audit.map((row) => [row.action, row.resourceId, row.familyId])).toEqual([['create', stored.id, null]]);
  });

  it.each<[PersonKey, number]>([
    ['admin', 200],
    ['coordinator', 404],
    ['workerA', 404],
    ['guardian', 404],
  ])('when %s previews a file, then %i', async (person, status) => {
    await csv(await agentOf(person), '/api/insights/historical-costs/import/preview', RAAHE).expect(status);
  });
});
