import type { LocalizedText, UsagePeriod } from '@yhdessa/shared';
import { eq, sql } from 'drizzle-orm';
import { queryRows, type Queryable } from '../../db/database';
import { families } from '../../db/tables/families';
import { programEnrolments, programPayers, programs } from '../../db/tables/programs';
import { servicePrices } from '../../db/tables/service-prices';
import { serviceUsage } from '../../db/tables/service-usage';
import { buildAccount, buildFamily, buildMember, buildOrganisation, buildService, buildServiceRole } from '../../test/factories';
import {
  costPerFamily,
  countCohort,
  countProgramUsage as countProgramUsageOfRows,
  countUsage,
  type CaseOpening,
  type PricedUsage,
} from '../../test/insights-reference';
import { startTestApp, type TestApp } from '../../test/test-app';
import { listEnrolmentSpansOfAllFamilies } from '../programs';
import { compareCohort, type CountedCohort } from './change-figures';
import { publishCostTables } from './insights.service';
import { programGroups } from './program-groups';
import {
  countCohortUsage,
  countCostPerFamily,
  countProgramUsage,
  countUsageOfAllFamilies,
  listLastCaseOpenings,
} from './usage-counts.repository';

jest.setTimeout(120_000);

/**
 * The figures counted in the database against the same figures counted row by row by
 * test/insights-reference.ts (its tests and those of cost-figures.ts and its neighbours tell what
 * each figure means), on one municipality with what the counting must get right: a family with
 * several rows in one figure, usage before a service's first price and across a price change,
 * families without a municipality, groups small enough to hide, and programmes of two
 * organisations, one enrolment withdrawn.
 */
let testApp: TestApp;
let municipalityId: string;
let neighbourId: string;
let serviceIds: Record<'family' | 'school' | 'clinic' | 'unpriced', string>;

/** A draw from the seed and the keys, 0 to n - 1: the same data on every run. */
const draw = (n: number, ...keys: number[]) =>
  keys.reduce((hash, key) => Math.imul(hash ^ key, 2_654_435_761) >>> 0, 2_166_136_261) % n;

beforeAll(async () => {
  testApp = await startTestApp();
  const { db } = testApp.database;
  const municipality = await buildOrganisation(db, 'Testikunta');
  const neighbour = await buildOrganisation(db, 'Naapurikunta');
  [municipalityId, neighbourId] = [municipality.id, neighbour.id];
  const family = await buildService(db, municipality.id, 'Perhetyö');
  const school = await buildService(db, municipality.id, 'Koulukuraattori');
  const clinic = await buildService(db, neighbour.id, 'Neuvola');
  // Of one Finnish name with the clinic: the rows go by their first use.
  const unpriced = await buildService(db, neighbour.id, 'Neuvola');
  serviceIds = { family: family.id, school: school.id, clinic: clinic.id, unpriced: unpriced.id };
  // Family work rises from 100 € to 112.50 € a visit in July 2025; the second clinic has no price before April 2025.
  await db.insert(servicePrices).values({ serviceId: family.id, validFrom: '2025-07-01', unitCostCents: 11_250 });
  await db.delete(servicePrices).where(eq(servicePrices.serviceId, unpriced.id));
  await db.insert(servicePrices).values({ serviceId: unpriced.id, validFrom: '2025-04-01', unitCostCents: 4_000 });

  const coordinators = [
    await buildAccount(db, { role: 'coordinator', organisationId: municipality.id }),
    await buildAccount(db, { role: 'coordinator', organisationId: neighbour.id }),
    await buildAccount(db, { role: 'coordinator', organisationId: null }),
  ];
  const worker = await buildAccount(db, { role: 'worker', organisationId: municipality.id });
  const manager = await buildAccount(db, { role: 'manager', organisationId: municipality.id });
  const programOf = async (organisationId: string, name: string) => {
    const [program] = await db
      .insert(programs)
      .values({
        organisationId,
        name,
        provider: 'Rahasto',
        targetGroup: { description: '', childAgeMin: 0, childAgeMax: 17 },
        startsOn: '2024-01-01',
        endsOn: '2027-12-31',
        createdBy: manager.id,
      })
      .returning();
    const [payer] = await db.insert(programPayers).values({ programId: program!.id, name: 'Kunta', position: 0 }).returning();
    return { programId: program!.id, payerId: payer!.id };
  };
  const ours = await programOf(municipality.id, 'Perheohjelma');
  const theirs = await programOf(neighbour.id, 'Naapurin ohjelma');

  const usage: (typeof serviceUsage.$inferInsert)[] = [];
  for (let n = 0; n < 24; n += 1) {
    const opened = `${2023 + draw(2, n, 1)}-${String(1 + draw(12, n, 2)).padStart(2, '0')}-10T09:00:00Z`;
    const row = await buildFamily(db, {
      coordinatorId: coordinators[n % 7 === 0 ? 2 : n % 3 === 0 ? 1 : 0]!.id,
      name: `Perhe ${n}`,
    });
    await db
      .update(families)
      .set({ createdAt: new Date(opened) })
      .where(eq(families.id, row.id));
    const member = await buildMember(db, row.id, { name: `Huoltaja ${n}` });
    // The clinic for three families, so its figures hide; the unpriced clinic for seven, every month of the first half of 2025.
    const used = [family.id, school.id, ...(n < 3 ? [clinic.id] : []), ...(n < 7 ? [unpriced.id] : [])];
    for (const [slot, serviceId] of used.entries()) {
      const { id: serviceRoleId } = await buildServiceRole(db, row.id, serviceId);
      for (let month = 1; month <= 24; month += 1) {
        const skipped = serviceId === unpriced.id ? month < 13 || month > 18 : draw(3, n, month, slot) === 0;
        if (skipped) continue;
        const day = `${2024 + Math.floor((month - 1) / 12)}-${String(((month - 1) % 12) + 1).padStart(2, '0')}`;
        const monthly = draw(4, n, month) === 0;
        const period: UsagePeriod = monthly ? 'month' : 'day';
        // A day's usage two or three times a month: the family counts once in the month.
        const days = monthly ? ['01'] : ['03', '17', '28'].slice(0, 2 + draw(2, n, month));
        for (const date of days)
          usage.push({
            familyId: row.id,
            serviceRoleId,
            serviceId,
            usedOn: `${day}-${date}`,
            period,
            units: (1 + draw(4, n, month, Number(date))) / 2,
            recordedBy: worker.id,
          });
      }
    }
    for (const [program, enrolledOn, endedOn, endReason] of [
      [ours, '2024-05-20', n % 4 === 0 ? '2025-02-10' : null, n % 8 === 0 ? 'consent_withdrawn' : n % 4 === 0 ? 'left' : null],
      [theirs, '2024-01-15', null, null],
    ] as const) {
      if (n % 2 === 1 && program === ours) continue;
      await db.insert(programEnrolments).values({
        programId: program.programId,
        familyId: row.id,
        payerId: program.payerId,
        pseudonym: `R-${program === ours ? 'O' : 'T'}${n}`,
        enrolledOn,
        consentGivenBy: member.id,
        consentGivenOn: '2024-01-01',
        recordedBy: coordinators[0]!.id,
        endedOn,
        endReason,
      });
    }
  }
  await db.insert(serviceUsage).values(usage);
});

afterAll(() => testApp?.close());

/** Every usage row priced as the API's usage list prices it, the reference the counts are checked against. */
async function listPricedUsage(db: Queryable): Promise<PricedUsage[]> {
  const rows = await queryRows<{
    family_id: string;
    service_id: string;
    service_name: LocalizedText;
    organisation_id: string;
    organisation_name: string;
    municipality_id: string | null;
    municipality_name: string | null;
    used_on: string;
    period: UsagePeriod;
    cost_cents: string;
  }>(
    db,
    sql`select u.family_id, u.service_id, s.name as service_name, o.id as organisation_id, o.name as organisation_name,
          m.id as municipality_id, m.name as municipality_name, to_char(u.used_on, 'YYYY-MM-DD') as used_on, u.period,
          round(u.units * coalesce((select p.unit_cost_cents from service_prices p where p.service_id = u.service_id
            and p.valid_from <= u.used_on order by p.valid_from desc limit 1), 0))::bigint as cost_cents
        from service_usage u join services s on s.id = u.service_id join organisations o on o.id = s.organisation_id
          join families f on f.id = u.family_id left join accounts c on c.id = f.coordinator_id
          left join organisations m on m.id = c.organisation_id
        order by u.used_on, s.id`,
  );
  return rows.map((row) => ({
    familyId: row.family_id,
    service: { id: row.service_id, name: row.service_name },
    organisation: { id: row.organisation_id, name: row.organisation_name },
    municipality: row.municipality_id === null ? null : { id: row.municipality_id, name: row.municipality_name! },
    usedOn: row.used_on,
    period: row.period,
    costCents: Number(row.cost_cents),
  }));
}

const inTransaction = <T>(work: (tx: Queryable) => Promise<T>) => testApp.database.db.transaction(work);
const tablesOf = (published: ReturnType<typeof publishCostTables>) => ({
  years: published.years,
  byServiceYear: published.byServiceYear,
  byMunicipalityYear: published.byMunicipalityYear,
  monthly: published.years.map((year) => published.monthlyOf(year)),
});

describe('the usage counted in the database', () => {
  it('when the cost tables are published from the counts, then they are the tables of the rows, hidden cells and row order alike', async () => {
    const rows = await listPricedUsage(testApp.database.db);
    const fromDatabase = tablesOf(publishCostTables(await inTransaction(countUsageOfAllFamilies)));
    const fromRows = tablesOf(publishCostTables(countUsage(rows)));
    expect(fromDatabase).toEqual(fromRows);
    // The data has what the comparison is for: hidden cells, and cells shown.
    const cells = fromRows.monthly.flatMap((tables) => tables!.byService.table.rows.flatMap((row) => row.cells));
    expect(cells.some((cell) => cell.suppressed)).toBe(true);
    expect(cells.some((cell) => !cell.suppressed && cell.families! > 0)).toBe(true);
  });

  it('when the usage is counted, then every figure is that of the rows, those the tables hide too', async () => {
    const counted = await inTransaction(countUsageOfAllFamilies);
    const fromRows = countUsage(await listPricedUsage(testApp.database.db));
    // The database counts only what some table names: no provider's figure of every year, no municipality's of a month.
    const named = [...fromRows.figures].filter(
      ([name]) => !/^(organisation:[^|]+\|all|municipality:[^|]+\|month:.+)$/.test(name),
    );
    expect(counted.figures).toEqual(new Map(named));
    expect(counted.years).toEqual(fromRows.years);
  });

  it('when a family has several rows in a month, before a first price and across a price change, then each counts as the rows say', async () => {
    const counted = await inTransaction(countUsageOfAllFamilies);
    const rows = await listPricedUsage(testApp.database.db);
    const figure = (name: string) => counted.figures.get(name)!;
    const itemsOf = (serviceId: string, month: string) =>
      rows.filter((row) => row.service.id === serviceId && row.usedOn.startsWith(month));
    for (const [service, month] of [
      ['family', '2025-06'],
      ['family', '2025-07'],
      ['unpriced', '2025-02'],
      ['unpriced', '2025-05'],
    ] as const) {
      const items = itemsOf(serviceIds[service], month);
      expect(figure(`service:${serviceIds[service]}|month:${month}`)).toMatchObject({
        families: new Set(items.map((item) => item.familyId)).size,
        value: items.reduce((sum, item) => sum + item.costCents, 0),
      });
    }
    // Several rows of one family in a month, and usage with no price yet, are there to be counted.
    const june = itemsOf(serviceIds.family, '2025-06');
    expect(new Set(june.map((item) => item.familyId)).size).toBeLessThan(june.length);
    expect(itemsOf(serviceIds.unpriced, '2025-02').every((item) => item.costCents === 0)).toBe(true);
    // A visit is 100 € before July 2025 and 112.50 € from it: 1.5 visits are 150 € and 168.75 €, rounded to the cent.
    expect(
      rows.some((row) => row.service.id === serviceIds.family && row.usedOn < '2025-07' && row.costCents % 5_000 !== 0),
    ).toBe(false);
    expect(
      rows.some((row) => row.service.id === serviceIds.family && row.usedOn >= '2025-07' && row.costCents % 5_625 !== 0),
    ).toBe(false);
  });

  it("when a year's cost per family is counted, then its quartiles are those of the rows", async () => {
    const rows = await listPricedUsage(testApp.database.db);
    for (const year of [2024, 2025, 2026])
      expect(await countCostPerFamily(testApp.database.db, year)).toEqual(
        costPerFamily(rows.filter((row) => row.usedOn.startsWith(`${year}-`))),
      );
  });

  it("when a cohort's case years are counted, then its counts and its comparison are those of the rows", async () => {
    const { db } = testApp.database;
    const rows = await listPricedUsage(db);
    const openings = await queryRows<CaseOpening>(
      db,
      sql`select id as "familyId", to_char(created_at at time zone 'Europe/Helsinki', 'YYYY-MM') as "openedIn" from families`,
    );
    expect((await listLastCaseOpenings(db)).map((opening) => opening.openedIn).sort()).toEqual(
      [2023, 2024].map((year) =>
        openings
          .filter((opening) => opening.openedIn.startsWith(`${year}-`))
          .map((o) => o.openedIn)
          .sort()
          .at(-1),
      ),
    );
    // The services in one order: the database's come in no particular one.
    const byService = (cohort: CountedCohort) => ({
      ...cohort,
      services: [...cohort.services].sort((a, b) => (a.id < b.id ? -1 : 1)),
    });
    for (const opened of [2023, 2024]) {
      const [counted, fromRows] = [await countCohortUsage(db, opened), countCohort(rows, openings, opened)];
      expect(byService(counted)).toEqual(byService(fromRows));
      const comparison = compareCohort(counted);
      expect(comparison).toEqual(compareCohort(fromRows));
      expect(comparison.rows.length).toBeGreaterThan(0);
    }
  });

  it("when a programme's usage is counted, then its costs are those of the rows, and another organisation's programme is not counted", async () => {
    const { db } = testApp.database;
    const rows = await listPricedUsage(db);
    const years = [2024, 2025];
    const spans = await listEnrolmentSpansOfAllFamilies(municipalityId, db);
    const counted = await countProgramUsage(db, municipalityId);
    const costs = (groups: ReturnType<typeof programGroups>) =>
      groups.map((group) => ({ label: group.label, costs: [...years, null].map((year) => group.costOf(year)) }));
    expect(costs(programGroups(spans, counted, years))).toEqual(
      costs(programGroups(spans, countProgramUsageOfRows(spans, rows, years), years)),
    );
    expect(costs(programGroups(spans, counted, years)).map((group) => group.label.fi)).toEqual(['Perheohjelma']);
    const [ours] = [...counted.keys()];
    expect(counted.size).toBe(1);
    expect([...(await countProgramUsage(db, neighbourId)).keys()]).not.toContain(ours);
  });
});
