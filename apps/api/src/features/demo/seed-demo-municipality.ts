import type { FamilyStatus, MemberRelation } from '@yhdessa/shared';
import { and, eq, sql } from 'drizzle-orm';
import { municipalityToday } from '../../core/clock';
import { queryRows, type Db, type Tx } from '../../db/database';
import { accounts } from '../../db/tables/accounts';
import { familyMembers, families } from '../../db/tables/families';
import { organisations } from '../../db/tables/organisations';
import { plans } from '../../db/tables/plans';
import { servicePrices } from '../../db/tables/service-prices';
import { serviceRoles } from '../../db/tables/service-roles';
import { serviceUsage } from '../../db/tables/service-usage';
import { services } from '../../db/tables/services';
import { FIRST_PRICE_VALID_FROM } from '../services';
import { seededRandom, unitsOfMonth } from './demo-figures';
import { seedMunicipalityOutcomes, type MunicipalityCase } from './seed-demo-outcomes';
import { seedDemoPrograms } from './seed-demo-programs';
import { monthlyUnitsByName } from './seed-demo-world';

/**
 * The demo municipality's caseload over the last 36 months: about 300 fictional families with
 * plausible service mixes, monthly usage and yearly price changes, so the cost and caseload views
 * have data to show, and what the cases came to (wellbeing meters, feedback at closing, goal
 * endings: seed-demo-outcomes.ts), and an outcome-based programme that about half of the families opened from 2024 on are in
 * (seed-demo-programs.ts). Deterministic (a fixed seed and a fixed reference month), so two demo
 * databases seeded in the same month hold the same figures. Every name and figure is invented.
 */

export const MUNICIPALITY_FAMILIES = 300;
const MONTHS = 36;
const SEED = 20_261_205;
const DEMO_MUNICIPALITY_LOCK = 7_240_003;
/** The generated families' coordinators have no login: they only carry the caseload. */
const COORDINATORS = 8;
const MARKER_EMAIL = 'koordinaattori.1@kunta-demo.invalid';

/**
 * How often a family uses each service (share of families), keyed by the catalogue's Finnish name,
 * so the generator needs no ids. The heavy placement is rare on purpose: its monthly cells stay
 * under five families.
 */
const serviceShares: Record<string, number> = {
  Lastenneuvola: 0.45,
  Varhaiskasvatus: 0.4,
  'Koulun kuraattoripalvelut': 0.5,
  'Lapsiperheiden sosiaalityö': 0.7,
  'Lastensuojelun perhetyö': 0.45,
  Perheneuvola: 0.3,
  'Aikuisten mielenterveys- ja päihdepalvelut': 0.25,
  Rinnallakulkija: 0.2,
};
const PLACEMENT_FAMILIES = 4;

/**
 * What coordinated support aims at, as the demo invents it: a family's services are most intensive
 * in the first months of its case and then taper off, each family by its own share (15-35 %),
 * reached gradually by the 18th case month, so a "first year against the second" view has a change
 * to show. The figures are invented; they show no real municipality's results. A placement is not
 * tapered: it lasts its days until it ends.
 */
const FULL_INTENSITY_MONTHS = 6;
const TAPER_MONTHS = 12;
const TAPER_SHARE: [number, number] = [0.15, 0.35];

/** How much of its early intensity a family's service runs at in the given case month (1 = the month the case opened). */
function caseIntensity(caseMonth: number, taperShare: number): number {
  const tapered = Math.min(1, Math.max(0, (caseMonth - FULL_INTENSITY_MONTHS) / TAPER_MONTHS));
  return 1 - taperShare * tapered;
}

/** Cases last 3 to 30 months, so a family opened in the first year of the window can have two full years. */
const CASE_MONTHS: [number, number] = [3, 30];

/**
 * Cases open at the same pace in the two years before the window as in it. One from before that
 * was still open when the municipality began to use the product was entered in the window's first
 * month, its support as many months along: so the caseload is steady from the start, and a trend
 * fitted to the costs does not read a caseload climbing from nothing as growth.
 */
const MONTHS_BEFORE_WINDOW = 24;

/** When a family's case opened (months from the window's start, negative before it) and how long it lasts, while open in the window. */
function drawCase(random: () => number): { openedOffset: number; lengthMonths: number } {
  for (;;) {
    const openedOffset = Math.floor(random() * (MONTHS_BEFORE_WINDOW + MONTHS)) - MONTHS_BEFORE_WINDOW;
    const lengthMonths = CASE_MONTHS[0] + Math.floor(random() * (CASE_MONTHS[1] - CASE_MONTHS[0] + 1));
    if (openedOffset + lengthMonths > 0) return { openedOffset, lengthMonths };
  }
}

const surnames = [
  'Aaltonen',
  'Berg',
  'Eskola',
  'Hakala',
  'Heino',
  'Hirvonen',
  'Huovinen',
  'Ikonen',
  'Jokela',
  'Kallio',
  'Karppinen',
  'Kauppinen',
  'Kiiski',
  'Koivisto',
  'Kokko',
  'Kurki',
  'Laakso',
  'Lahti',
  'Lindqvist',
  'Lyytinen',
  'Mattila',
  'Miettinen',
  'Niemi',
  'Nurmi',
  'Oksanen',
  'Palo',
  'Peltola',
  'Pitkänen',
  'Rantala',
  'Rautio',
  'Salmi',
  'Sirola',
  'Suominen',
  'Tamminen',
  'Tuominen',
  'Turunen',
  'Uotila',
  'Vainio',
  'Vesterinen',
  'Ylönen',
];
const firstNames = ['Aino', 'Eino', 'Helmi', 'Ilmari', 'Kerttu', 'Leevi', 'Lilja', 'Niilo', 'Onni', 'Saga', 'Toivo', 'Venla'];
const adultNames = ['Anu', 'Harri', 'Jenni', 'Kari', 'Marja', 'Mika', 'Niina', 'Sami', 'Tanja', 'Ville'];

/** The first day of the month `offset` months from `month` (`YYYY-MM-01`). */
export function monthStart(month: string, offset: number): string {
  const [year, monthIndex] = month.split('-').map(Number) as [number, number];
  const date = new Date(Date.UTC(year, monthIndex - 1 + offset, 1));
  return date.toISOString().slice(0, 10);
}

/** Seeds the municipality once, after the hand-written demo world; does nothing when it exists. */
export async function seedDemoMunicipality(db: Db, thisMonth?: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${DEMO_MUNICIPALITY_LOCK})`);
    const [existing] = await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.email, MARKER_EMAIL));
    if (existing) return false;
    const [now] = await queryRows<{ month: string }>(tx, sql`select to_char(${municipalityToday}, 'YYYY-MM') as month`);
    await writeMunicipality(tx, thisMonth ?? now!.month);
    return true;
  });
}

async function writeMunicipality(tx: Tx, thisMonth: string): Promise<void> {
  const random = seededRandom(SEED);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const between = (low: number, high: number) => low + random() * (high - low);
  const current = `${thisMonth}-01`;
  const firstMonth = monthStart(current, -(MONTHS - 1));

  // Each service's first price period: the catalogue's price before any change.
  const catalogue = await tx
    .select({ id: services.id, name: services.name, unit: services.unit, unitCostCents: servicePrices.unitCostCents })
    .from(services)
    .innerJoin(servicePrices, and(eq(servicePrices.serviceId, services.id), eq(servicePrices.validFrom, FIRST_PRICE_VALID_FROM)));
  const byName = new Map(catalogue.map((service) => [service.name.fi, service]));
  const placement = catalogue.find((service) => service.name.fi === 'Sijaishuolto') ?? null;

  // Prices rise 3 % at each new year of the period, so usage before and after a change is priced apart.
  for (const service of catalogue) {
    await tx.insert(servicePrices).values(
      [12, 24].map((offset, step) => ({
        serviceId: service.id,
        validFrom: monthStart(firstMonth, offset),
        unitCostCents: Math.round(service.unitCostCents * 1.03 ** (step + 1)),
      })),
    );
  }

  const [organisation] = await tx.select({ id: organisations.id }).from(organisations).limit(1);
  const coordinatorIds: string[] = [];
  for (let index = 1; index <= COORDINATORS; index++) {
    const [row] = await tx
      .insert(accounts)
      .values({
        email: `koordinaattori.${index}@kunta-demo.invalid`,
        name: `Koordinaattori ${index} (demo)`,
        role: 'coordinator',
        organisationId: organisation?.id ?? null,
        passwordHash: null,
        isDemo: true,
      })
      .returning({ id: accounts.id });
    coordinatorIds.push(row!.id);
  }

  const usageRows: (typeof serviceUsage.$inferInsert)[] = [];
  const cases: MunicipalityCase[] = [];
  for (let index = 0; index < MUNICIPALITY_FAMILIES; index++) {
    const surname = surnames[index % surnames.length]!;
    const drawn = drawCase(random);
    const openAtStart = drawn.openedOffset < 0;
    const monthsIntoCase = Math.max(0, -drawn.openedOffset);
    const openedMonth = monthStart(firstMonth, Math.max(0, drawn.openedOffset));
    // The months of the case left in the window.
    const lengthMonths = drawn.lengthMonths - monthsIntoCase;
    const closedMonth = monthStart(openedMonth, lengthMonths);
    const closed = closedMonth <= current;
    const status: FamilyStatus = closed ? 'closed' : random() < 0.15 ? 'in_review' : 'active';
    const coordinatorId = pick(coordinatorIds);
    const [family] = await tx
      .insert(families)
      .values({
        name: `Perhe ${surname} ${Math.floor(index / surnames.length) + 1}`,
        status,
        coordinatorId,
        createdAt: new Date(`${openedMonth}T08:00:00Z`),
      })
      .returning({ id: families.id });
    const familyId = family!.id;
    await tx.insert(plans).values({ familyId });

    const members: { name: string; relation: MemberRelation; birthYear: number }[] = [
      { name: `${pick(adultNames)} ${surname}`, relation: 'guardian', birthYear: 1975 + Math.floor(random() * 25) },
    ];
    const children = 1 + Math.floor(random() * 3);
    for (let child = 0; child < children; child++)
      members.push({ name: `${pick(firstNames)} ${surname}`, relation: 'child', birthYear: 2008 + Math.floor(random() * 17) });
    const memberRows = await tx
      .insert(familyMembers)
      .values(members.map((member) => ({ familyId, ...member })))
      .returning({ id: familyMembers.id, relation: familyMembers.relation, birthYear: familyMembers.birthYear });
    cases.push({
      familyId,
      coordinatorId,
      openedOn: openedMonth,
      closedOn: closed ? closedMonth : null,
      members: memberRows.map((member) => ({ ...member, birthYear: member.birthYear ?? 0 })),
    });

    const names = Object.keys(serviceShares).filter((name) => random() < serviceShares[name]!);
    if (names.length === 0) names.push('Lapsiperheiden sosiaalityö');
    if (placement !== null && index % Math.floor(MUNICIPALITY_FAMILIES / PLACEMENT_FAMILIES) === 7) names.push(placement.name.fi);
    const taperShare = between(...TAPER_SHARE);
    const roles = names.flatMap((name) => {
      const service = byName.get(name);
      const units = monthlyUnitsByName.get(name);
      return service && units ? [{ service, units }] : [];
    });

    for (const { service, units } of roles) {
      // A service joins a month or two after the case opens (a case open at the start has its services
      // running already) and stays until it closes, or leaves earlier.
      const startOffset = openAtStart ? 0 : Math.floor(random() * 2);
      const months = Math.max(1, lengthMonths - startOffset - Math.floor(random() * 4));
      const startsOn = monthStart(openedMonth, startOffset);
      const endsOn = monthStart(startsOn, months);
      const ended = endsOn <= current;
      const level = between(...units);
      const [role] = await tx
        .insert(serviceRoles)
        .values({
          familyId,
          serviceId: service.id,
          status: ended ? 'ended' : 'accepted',
          startsOn,
          endsOn: ended ? endsOn : null,
          invitedBy: coordinatorId,
          createdAt: new Date(`${startsOn}T08:00:00Z`),
        })
        .returning({ id: serviceRoles.id });
      for (let month = 0; month < months; month++) {
        const usedOn = monthStart(startsOn, month);
        if (usedOn > current) break;
        const intensity = service.id === placement?.id ? 1 : caseIntensity(monthsIntoCase + startOffset + month + 1, taperShare);
        usageRows.push({
          familyId,
          serviceRoleId: role!.id,
          serviceId: service.id,
          usedOn,
          period: 'month',
          units: unitsOfMonth(level * intensity, { unit: service.unit, monthlyUnits: units }, random),
          recordedBy: coordinatorId,
        });
      }
    }
  }
  for (let start = 0; start < usageRows.length; start += 1000)
    await tx.insert(serviceUsage).values(usageRows.slice(start, start + 1000));
  await seedMunicipalityOutcomes(tx, cases, current);
  await seedDemoPrograms(tx, cases, current);
}
