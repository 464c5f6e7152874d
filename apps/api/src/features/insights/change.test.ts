import { insightsChangeSchema, insightsCostsSchema, type ChangeComparison } from '@yhdessa/shared';
import { and, eq } from 'drizzle-orm';
import { accounts } from '../../db/tables/accounts';
import { auditEvents } from '../../db/tables/audit';
import { familyMembers, families } from '../../db/tables/families';
import { servicePrices } from '../../db/tables/service-prices';
import { serviceUsage } from '../../db/tables/service-usage';
import { buildFamily, buildMember, buildService, buildServiceRole } from '../../test/factories';
import { signInAs, startTestApp, type TestApp } from '../../test/test-app';
import { buildWorld, type PersonKey, type World } from '../../test/world';

jest.setTimeout(60_000);

let testApp: TestApp;
let world: World;

/**
 * Ten families whose cases opened on 15 March 2022 (k5-k9 closed in their first year), and one
 * whose case opened on 1 January 2023 at 00.30 in Finland (31 December 2022 in UTC). Every service
 * costs 100 € a visit; Perhetyö's price rises 3 % on 1 January 2023.
 * - Perhetyö: a visit by each of the ten in June 2022; two more by k0 in February 2023 (its 12th case
 *   month, at the new price); one by each of k0-k4 in March 2023 (their 13th). The 2023 family one in
 *   January 2023.
 * - Koulukuraattori: k0 and k1 once in April 2022, k0-k4 once in September 2023.
 * - Lastenneuvola: k0-k4 half a visit each in May 2022.
 * - Naapurin neuvola: nothing in 2022, k0-k4 once each in October 2023.
 */
beforeAll(async () => {
  testApp = await startTestApp();
  const { db } = testApp.database;
  world = await buildWorld(db);
  const { serviceA, serviceB, serviceC } = world.services;
  const serviceD = await buildService(db, serviceA.organisationId, 'Lastenneuvola');
  await db.insert(servicePrices).values({ serviceId: serviceA.id, validFrom: '2023-01-01', unitCostCents: 10_300 });

  const openFamily = async (n: number, createdAt: string, closed: boolean) => {
    const family = await buildFamily(db, {
      coordinatorId: world.people.coordinator.id,
      name: `Perhe Kohortti${n}`,
      status: closed ? 'closed' : 'active',
    });
    await db
      .update(families)
      .set({ createdAt: new Date(createdAt) })
      .where(eq(families.id, family.id));
    await buildMember(db, family.id, { name: `Jäsen Kohortti${n}` });
    const roles = new Map<string, string>();
    for (const service of [serviceA, serviceB, serviceC, serviceD])
      roles.set(service.id, (await buildServiceRole(db, family.id, service.id)).id);
    return (serviceId: string, usedOn: string, units: number): typeof serviceUsage.$inferInsert => ({
      familyId: family.id,
      serviceRoleId: roles.get(serviceId)!,
      serviceId,
      usedOn,
      period: 'day',
      units,
      recordedBy: world.people.workerA.id,
    });
  };
  const cohort = [];
  for (let n = 0; n < 10; n++) cohort.push(await openFamily(n, '2022-03-15T10:00:00Z', n >= 5));
  const late = await openFamily(10, '2022-12-31T22:30:00Z', false);
  const stayed = cohort.slice(0, 5);
  await db
    .insert(serviceUsage)
    .values([
      ...cohort.map((use) => use(serviceA.id, '2022-06-15', 1)),
      cohort[0]!(serviceA.id, '2023-02-15', 2),
      ...stayed.map((use) => use(serviceA.id, '2023-03-15', 1)),
      late(serviceA.id, '2023-01-15', 1),
      ...cohort.slice(0, 2).map((use) => use(serviceB.id, '2022-04-01', 1)),
      ...stayed.map((use) => use(serviceB.id, '2023-09-01', 1)),
      ...stayed.map((use) => use(serviceD.id, '2022-05-01', 0.5)),
      ...stayed.map((use) => use(serviceC.id, '2023-10-01', 1)),
    ]);
});
afterAll(() => testApp.close());

const agentOf = (person: PersonKey) => signInAs(testApp.app, world.people[person]);
const shown = (costCents: number, families: number) => ({ suppressed: false, costCents, families });
const hidden = { suppressed: true, costCents: null, families: null };
const empty = shown(0, 0);
const change = (cents: number | null, percent: number | null) => ({ suppressed: false, cents, percent });
const hiddenChange = { suppressed: true, cents: null, percent: null };
const rowNamed = (comparison: ChangeComparison | null, name: string) => comparison!.rows.find((row) => row.label.fi === name);

describe('before and after', () => {
  it('when the manager asks for nothing, then the last two whole years are compared cell by cell from the published table by year, and the read is audited', async () => {
    const agent = await agentOf('manager');
    const answer = insightsChangeSchema.parse((await agent.get('/api/insights/change').expect(200)).body);
    // The world's own families opened this year: their cohort is not complete. The 2023 cohort (one family) is.
    expect([answer.years, answer.cohorts]).toEqual([
      [2022, 2023],
      [2022, 2023],
    ]);
    const comparison = answer.comparison!;
    expect(comparison).toMatchObject({ mode: 'years', before: 2022, after: 2023 });
    const byYear = insightsCostsSchema.parse((await agent.get('/api/insights/costs').expect(200)).body).byServiceYear;
    // The comparison goes by name, the table the largest cost first: the same rows all the same.
    expect(comparison.rows).toHaveLength(byYear.count);
    expect(comparison.rows.map((row) => [row.label, row.before, row.after])).toEqual(
      expect.arrayContaining(byYear.rows.map((row) => [row.label, row.cells[0], row.cells[1]])),
    );
    expect([comparison.total.before, comparison.total.after]).toEqual(byYear.columnTotals);
    // The table hides Koulukuraattori 2022 (two families), and for it Koulukuraattori 2023, Lastenneuvola 2022
    // and Naapurin neuvola 2023: what is drawn from them is hidden too.
    expect(rowNamed(comparison, 'Naapurin neuvola')).toMatchObject({ before: empty, after: hidden, difference: hiddenChange });
    // Perhetyö: 1000 € from ten families → 824 € from six (k0-k4 and the 2023 family); per family with usage 100 € → 137.33 €.
    expect(rowNamed(comparison, 'Perhetyö')).toMatchObject({
      before: shown(100_000, 10),
      after: shown(82_400, 6),
      difference: change(-17_600, -17.6),
      perFamilyBefore: shown(10_000, 10),
      perFamilyAfter: shown(13_733, 6),
      perFamilyDifference: change(3_733, 37.3),
    });
    expect(comparison.total).toMatchObject({ difference: change(37_400, 25.8), perFamilyDifference: change(15_900, 109.7) });
    const audit = await testApp.database.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.actorId, world.people.manager.id),
          eq(auditEvents.resource, 'insights'),
          eq(auditEvents.resourceId, 'change'),
        ),
      );
    expect(audit.map((row) => [row.action, row.familyId, row.outcome])).toEqual([['read', null, 'allowed']]);
  });

  it('when the 2022 cohort is compared, then each family counts its first and second case year at the prices of the days used, closed families with nothing after closing', async () => {
    const response = await (await agentOf('manager')).get('/api/insights/change?mode=case-years&opened=2022').expect(200);
    const comparison = insightsChangeSchema.parse(response.body).comparison;
    expect(comparison).toMatchObject({ mode: 'case-years', opened: 2022, cohort: { suppressed: false, families: 10 } });
    expect(comparison!.rows.map((row) => row.label.fi)).toEqual([
      'Koulukuraattori',
      'Lastenneuvola',
      'Naapurin neuvola',
      'Perhetyö',
    ]);
    // Koulukuraattori's first year (two families) is hidden, and with it the next-smallest of that year, Lastenneuvola.
    expect(rowNamed(comparison, 'Koulukuraattori')).toMatchObject({
      before: hidden,
      after: shown(50_000, 5),
      difference: hiddenChange,
      perFamilyAfter: shown(5_000, 5),
      perFamilyDifference: hiddenChange,
    });
    expect(rowNamed(comparison, 'Lastenneuvola')).toMatchObject({ before: hidden, after: empty, difference: hiddenChange });
    expect(rowNamed(comparison, 'Naapurin neuvola')).toMatchObject({
      before: empty,
      difference: change(50_000, null),
      perFamilyDifference: change(5_000, null),
    });
    // First year: 10 · 100 € + 2 · 103 € = 1206 €; second: 5 · 103 € = 515 €, per family of the ten 120.60 € and 51.50 €.
    expect(rowNamed(comparison, 'Perhetyö')).toEqual({
      label: { fi: 'Perhetyö', en: 'Perhetyö' },
      before: shown(120_600, 10),
      after: shown(51_500, 5),
      difference: change(-69_100, -57.3),
      perFamilyBefore: shown(12_060, 10),
      perFamilyAfter: shown(5_150, 5),
      perFamilyDifference: change(-6_910, -57.3),
    });
    // 1206 + 200 + 250 = 1656 € → 515 + 500 + 500 = 1515 €: -8.5 %.
    expect(comparison!.total).toEqual({
      before: shown(165_600, 10),
      after: shown(151_500, 5),
      difference: change(-14_100, -8.5),
      perFamilyBefore: shown(16_560, 10),
      perFamilyAfter: shown(15_150, 5),
      perFamilyDifference: change(-1_410, -8.5),
    });
  });

  it('when the cohort of one family is compared, then nothing of it is told', async () => {
    const response = await (await agentOf('manager')).get('/api/insights/change?mode=case-years&opened=2023').expect(200);
    expect(insightsChangeSchema.parse(response.body).comparison).toMatchObject({
      cohort: { suppressed: true, families: null },
      rows: [],
      total: { before: hidden, after: hidden, difference: hiddenChange },
    });
  });

  it.each([
    ['?mode=years&before=2023&after=2022', 'query.after'],
    ['?mode=years&before=2021&after=2023', 'query.before'],
    ['?mode=years&before=2022', 'query.after'],
    ['?mode=case-years&opened=2026', 'query.opened'],
    ['?mode=case-years&before=2022&opened=2022', 'query.before'],
    ['?before=2022&after=2023', 'query.before'],
    ['?mode=months', 'query.mode'],
    ['?from=2022-01-01&to=2022-06-30', 'query'],
  ])('when the manager asks for %s, then 400 names %s', async (query, path) => {
    const response = await (await agentOf('manager')).get(`/api/insights/change${query}`).expect(400);
    expect(response.body.code).toBe('validation_failed');
    expect(response.body.errors.map((error: { path: string }) => error.path)).toContain(path);
  });

  it.each<[PersonKey, number]>([
    ['manager', 200],
    ['admin', 404],
    ['coordinator', 404],
    ['workerA', 404],
    ['guardian', 404],
  ])('when %s asks for the comparison, then %i', async (person, status) => {
    expect((await (await agentOf(person)).get('/api/insights/change?mode=case-years&opened=2022')).status).toBe(status);
  });

  it('when the manager reads every comparison, then no answer holds a name, an e-mail, a family or member id', async () => {
    const { db } = testApp.database;
    const forbidden = [
      ...(await db.select().from(accounts))
        .filter((account) => account.id !== world.people.manager.id)
        .flatMap((account) => [account.id, account.name, account.email]),
      ...(await db.select().from(families)).flatMap((family) => [family.id, family.name]),
      ...(await db.select().from(familyMembers)).flatMap((member) => [member.id, member.name]),
    ];
    const agent = await agentOf('manager');
    const leaks: string[] = [];
    for (const query of [
      '',
      '?mode=years&before=2022&after=2023',
      '?mode=case-years&opened=2022',
      '?mode=case-years&opened=2023',
    ]) {
      const response = await agent.get(`/api/insights/change${query}`).expect(200);
      for (const value of forbidden) if (response.text.includes(value)) leaks.push(`${query}: ${value}`);
    }
    expect(leaks).toEqual([]);
  });
});
