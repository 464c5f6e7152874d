import type {
  ActionStatus,
  AttainmentScale,
  FamilyStatus,
  LocalizedText,
  MemberRelation,
  PlanPart,
  ServiceRoleStatus,
} from '@yhdessa/shared';
import { sql } from 'drizzle-orm';
import { addDays } from '../../core/calendar-days';
import { municipalityDate } from '../../core/clock';
import { accounts, serviceMemberships } from '../../db/tables/accounts';
import { hashPassword } from '../accounts';
import { actions } from '../../db/tables/actions';
import { consentDecisions } from '../../db/tables/consents';
import { queryRows, type Db, type Tx } from '../../db/database';
import { familyMembers, families } from '../../db/tables/families';
import { feedbackRequests } from '../../db/tables/feedback';
import { goals } from '../../db/tables/goals';
import { organisations } from '../../db/tables/organisations';
import { plans } from '../../db/tables/plans';
import { reviews } from '../../db/tables/reviews';
import { serviceRoles } from '../../db/tables/service-roles';
import { servicePrices } from '../../db/tables/service-prices';
import { serviceUsage } from '../../db/tables/service-usage';
import { services } from '../../db/tables/services';
import { FIRST_PRICE_VALID_FROM } from '../services';
import { municipalityToday } from '../../core/clock';
import { demoAccounts, type DemoAccountKey } from './demo-accounts';
import { seededRandom, unitsOfMonth } from './demo-figures';
import { seedDemoHistoricalCosts } from './seed-demo-historical-costs';
import { seedDemoPlan } from './seed-demo-plan';
import { seedDemoStory } from './seed-demo-story';

/** The fictional "Varkaus demo" municipality: every name here is invented. */

type ServiceKey =
  | 'clinic'
  | 'earlyEducation'
  | 'school'
  | 'socialWork'
  | 'familyWork'
  | 'counselling'
  | 'mentalHealth'
  | 'walkAlongside'
  | 'placement';

interface DemoService {
  name: LocalizedText;
  category: string;
  unit: string;
  unitCostEur: number;
  /** Units a family uses in a month while the service works with it, low..high: invented, for the demo. */
  monthlyUnits: [number, number];
  contact: string;
  provider: 'city' | 'area' | 'ngo';
}

const serviceCatalogue: Record<ServiceKey, DemoService> = {
  clinic: {
    name: { fi: 'Lastenneuvola', sv: 'Barnrådgivning', en: 'Child health clinic' },
    category: 'health',
    unit: 'visit',
    unitCostEur: 95,
    monthlyUnits: [1, 2],
    contact: 'neuvola@varkaus-demo.fi, 017 555 0101',
    provider: 'area',
  },
  earlyEducation: {
    name: { fi: 'Varhaiskasvatus', sv: 'Småbarnspedagogik', en: 'Early childhood education' },
    category: 'education',
    unit: 'day',
    unitCostEur: 62,
    monthlyUnits: [12, 20],
    contact: 'paivakoti.keskusta@varkaus-demo.fi',
    provider: 'city',
  },
  school: {
    name: { fi: 'Koulun kuraattoripalvelut', sv: 'Skolkuratorstjänster', en: 'School social worker' },
    category: 'education',
    unit: 'meeting',
    unitCostEur: 70,
    monthlyUnits: [1, 4],
    contact: 'kuraattori@varkaus-demo.fi, 017 555 0202',
    provider: 'city',
  },
  socialWork: {
    name: {
      fi: 'Lapsiperheiden sosiaalityö',
      sv: 'Socialt arbete för barnfamiljer',
      en: 'Social work for families with children',
    },
    category: 'social',
    unit: 'hour',
    unitCostEur: 75,
    monthlyUnits: [2, 8],
    contact: 'sosiaalityo@varkaus-demo.fi',
    provider: 'area',
  },
  familyWork: {
    name: { fi: 'Lastensuojelun perhetyö', sv: 'Familjearbete inom barnskyddet', en: 'Child protection family work' },
    category: 'child-protection',
    unit: 'visit',
    unitCostEur: 110,
    monthlyUnits: [3, 10],
    contact: 'perhetyo@varkaus-demo.fi, 017 555 0303',
    provider: 'area',
  },
  counselling: {
    name: { fi: 'Perheneuvola', sv: 'Familjerådgivning', en: 'Family counselling clinic' },
    category: 'health',
    unit: 'session',
    unitCostEur: 160,
    monthlyUnits: [1, 3],
    contact: 'perheneuvola@varkaus-demo.fi, 017 555 0404',
    provider: 'area',
  },
  mentalHealth: {
    name: {
      fi: 'Aikuisten mielenterveys- ja päihdepalvelut',
      sv: 'Mentalvårds- och missbrukartjänster för vuxna',
      en: 'Adult mental health and substance services',
    },
    category: 'health',
    unit: 'visit',
    unitCostEur: 140,
    monthlyUnits: [1, 4],
    contact: 'mielenterveys@varkaus-demo.fi',
    provider: 'area',
  },
  walkAlongside: {
    name: { fi: 'Rinnallakulkija', sv: 'Stödperson som går bredvid', en: 'Walk-alongside worker' },
    category: 'ngo',
    unit: 'hour',
    unitCostEur: 55,
    monthlyUnits: [4, 12],
    contact: 'rinnalla@lapsikyla-demo.fi, 040 555 0505',
    provider: 'ngo',
  },
  placement: {
    name: { fi: 'Sijaishuolto', sv: 'Vård utom hemmet', en: 'Placement outside the home' },
    category: 'child-protection',
    unit: 'day',
    unitCostEur: 356,
    monthlyUnits: [20, 31],
    contact: 'sijaishuolto@varkaus-demo.fi',
    provider: 'area',
  },
};

/** Each catalogue service's monthly units (low..high) by its Finnish name, for the generated municipality. */
export const monthlyUnitsByName = new Map(
  Object.values(serviceCatalogue).map((service) => [service.name.fi, service.monthlyUnits]),
);

const workerServices: Partial<Record<DemoAccountKey, ServiceKey[]>> = {
  familyWorker: ['familyWork'],
  schoolWorker: ['school'],
  clinicWorker: ['clinic'],
  counsellingWorker: ['counselling'],
  mentalHealthWorker: ['mentalHealth'],
  walkAlongsideWorker: ['walkAlongside'],
};

interface DemoRole {
  service: ServiceKey;
  status: ServiceRoleStatus;
  description?: string;
  responsible?: DemoAccountKey;
  /** What the family shares with this service; accepted roles default to story, goals and notes. */
  consent?: PlanPart[];
  actions?: Array<{ title: string; owner: string; dueInDays: number; status: ActionStatus; goal?: number }>;
  /** An invitation (open or declined): how many days ago the coordinator sent it, and what they wrote. */
  invitation?: { daysAgo: number; message?: string };
  /** A declined invitation: who of the service declined, why, and how many days ago. */
  declined?: { by: DemoAccountKey; reason: string; daysAgo: number };
}

interface DemoFamily {
  name: string;
  status: FamilyStatus;
  coordinator: DemoAccountKey;
  members: Array<{ name: string; relation: MemberRelation; birthYear: number; login?: DemoAccountKey }>;
  goals?: Array<{
    title: string;
    indicator: string;
    baseline: string;
    target: string;
    targetInDays: number;
    attainmentScale?: AttainmentScale;
  }>;
  roles?: DemoRole[];
  familyActions?: Array<{ title: string; owner: string; dueInDays: number; status: ActionStatus; goal?: number }>;
  reviewInDays?: number;
}

const demoFamilies: DemoFamily[] = [
  {
    name: 'Perhe Virtanen',
    status: 'active',
    coordinator: 'coordinator',
    members: [
      { name: 'Anna Virtanen', relation: 'guardian', birthYear: 1988, login: 'guardian' },
      { name: 'Jukka Virtanen', relation: 'guardian', birthYear: 1985 },
      { name: 'Eetu Virtanen', relation: 'child', birthYear: 2014 },
      { name: 'Ella Virtanen', relation: 'child', birthYear: 2019 },
    ],
    goals: [
      {
        title: 'Aamut sujuvat ja Eetu pääsee kouluun ajoissa',
        indicator: 'Myöhästymiset viikossa',
        baseline: '4',
        target: '0–1',
        targetInDays: 90,
        attainmentScale: {
          muchLess: 'Myöhästymisiä 4 tai enemmän viikossa',
          less: 'Myöhästymisiä 2–3 viikossa',
          expected: 'Myöhästymisiä 0–1 viikossa',
          more: 'Ei myöhästymisiä kahteen viikkoon',
          muchMore: 'Ei myöhästymisiä kuukauteen, ja Eetu herää itse',
        },
      },
      {
        title: 'Annalla on voimia arkeen',
        indicator: 'Oma arvio jaksamisesta 1–10',
        baseline: '3',
        target: '7',
        targetInDays: 180,
        attainmentScale: {
          muchLess: 'Jaksaminen 3 tai alle',
          less: 'Jaksaminen 4–5',
          expected: 'Jaksaminen 6–7',
          more: 'Jaksaminen 8',
          muchMore: 'Jaksaminen 9–10',
        },
      },
      {
        title: 'Ellalla on turvallinen päiväkotipaikka',
        indicator: 'Hoitopäivät viikossa',
        baseline: '0',
        target: '5',
        targetInDays: 60,
      },
      {
        title: 'Laskut maksetaan ajallaan',
        indicator: 'Myöhässä olevat laskut',
        baseline: '3',
        target: '0',
        targetInDays: 30,
      },
    ],
    roles: [
      {
        service: 'familyWork',
        status: 'accepted',
        responsible: 'familyWorker',
        // Anna shared the joint assessment and her wellbeing meters with family work, whose worker visits every week.
        consent: ['story', 'assessment', 'goals', 'notes', 'measurements'],
        description: 'Perhetyöntekijä käy kotona kerran viikossa: aamurutiinit ja vanhemmuuden tuki.',
        actions: [
          {
            title: 'Aamurutiinien suunnitelma yhdessä perheen kanssa',
            owner: 'Mikko Salo',
            dueInDays: -3,
            status: 'in_progress',
            goal: 0,
          },
          { title: 'Kotikäynnit kerran viikossa', owner: 'Mikko Salo', dueInDays: 14, status: 'planned', goal: 1 },
        ],
      },
      {
        service: 'school',
        status: 'accepted',
        responsible: 'schoolWorker',
        consent: ['goals'],
        description: 'Kuraattori seuraa Eetun koulunkäyntiä ja tapaa hänet joka toinen viikko.',
        actions: [
          {
            title: 'Poissaolojen seuranta ja viikkoviesti kotiin',
            owner: 'Hanna Kivelä',
            dueInDays: 7,
            status: 'in_progress',
            goal: 0,
          },
        ],
      },
      {
        service: 'clinic',
        status: 'accepted',
        responsible: 'clinicWorker',
        description: 'Neuvola seuraa Ellan kasvua ja kehitystä.',
        actions: [{ title: 'Ellan 5-vuotistarkastus', owner: 'Liisa Aho', dueInDays: -10, status: 'planned' }],
      },
      {
        service: 'counselling',
        status: 'accepted',
        responsible: 'counsellingWorker',
        description: 'Perheneuvola: vanhempien keskustelut ja Eetun tunnetaidot.',
        actions: [{ title: 'Vanhempien keskustelu', owner: 'Petri Manninen', dueInDays: 21, status: 'planned', goal: 1 }],
      },
      {
        service: 'mentalHealth',
        status: 'accepted',
        responsible: 'mentalHealthWorker',
        consent: ['story', 'goals', 'notes', 'measurements'],
        description: 'Annan oma tuki jaksamiseen.',
        actions: [{ title: 'Hoitokontakti ja ensikäynti', owner: 'Tiina Ojala', dueInDays: 5, status: 'done', goal: 1 }],
      },
      {
        service: 'walkAlongside',
        status: 'accepted',
        responsible: 'walkAlongsideWorker',
        description: 'Rinnallakulkija kulkee perheen rinnalla arjessa ja palavereissa.',
        actions: [
          { title: 'Päiväkotihaku yhdessä Annan kanssa', owner: 'Jari Huttunen', dueInDays: 10, status: 'in_progress', goal: 2 },
        ],
      },
      // Early education has no worker with a login yet: its invitation went to its contact address, and so
      // does its reminder, due by now (two working days after, even over Christmas or Easter).
      {
        service: 'earlyEducation',
        status: 'invited',
        invitation: {
          daysAgo: 8,
          message: 'Perhe tarvitsee varhaiskasvatuspaikan syksystä alkaen. Rinnallakulkija Jari auttaa Annaa haussa.',
        },
      },
    ],
    familyActions: [
      {
        title: 'Herätyskello ja aamupala valmiiksi illalla',
        owner: 'Anna Virtanen',
        dueInDays: 2,
        status: 'in_progress',
        goal: 0,
      },
    ],
    reviewInDays: 6,
  },
  {
    name: 'Perhe Korhonen',
    status: 'new',
    coordinator: 'coordinator',
    members: [
      { name: 'Mari Korhonen', relation: 'guardian', birthYear: 1992 },
      { name: 'Niko Korhonen', relation: 'child', birthYear: 2021 },
    ],
    roles: [
      {
        service: 'clinic',
        status: 'invited',
        invitation: { daysAgo: 1, message: 'Nikon unirytmi ja kasvu huolettavat äitiä. Toivomme neuvolan seurantaa.' },
      },
    ],
  },
  {
    name: 'Perhe Mäkinen',
    status: 'active',
    coordinator: 'coordinator',
    members: [
      { name: 'Jaana Mäkinen', relation: 'guardian', birthYear: 1979 },
      { name: 'Oona Mäkinen', relation: 'child', birthYear: 2010 },
    ],
    goals: [
      { title: 'Oona jaksaa käydä koulua', indicator: 'Koulupäivät viikossa', baseline: '2', target: '5', targetInDays: 120 },
    ],
    roles: [
      {
        service: 'school',
        status: 'accepted',
        responsible: 'schoolWorker',
        description: 'Kuraattori tapaa Oonan viikoittain.',
        actions: [{ title: 'Viikkotapaaminen Oonan kanssa', owner: 'Hanna Kivelä', dueInDays: 3, status: 'planned', goal: 0 }],
      },
      {
        service: 'counselling',
        status: 'accepted',
        responsible: 'counsellingWorker',
        description: 'Oonan terapia-arvio.',
        actions: [{ title: 'Terapia-arvion aloitus', owner: 'Petri Manninen', dueInDays: -1, status: 'planned', goal: 0 }],
      },
      {
        service: 'familyWork',
        status: 'declined',
        invitation: { daysAgo: 9, message: 'Oonan koulunkäynti takkuaa: toivomme perhetyötä kotiin iltapäiviin.' },
        declined: { by: 'familyWorker', reason: 'Ei resursseja juuri nyt: perhetyön jono on noin kaksi kuukautta.', daysAgo: 7 },
      },
    ],
    reviewInDays: 20,
  },
  {
    name: 'Perhe Nieminen',
    status: 'in_review',
    coordinator: 'coordinator',
    members: [
      { name: 'Tuomas Nieminen', relation: 'guardian', birthYear: 1983 },
      { name: 'Aino Nieminen', relation: 'child', birthYear: 2016 },
      { name: 'Leo Nieminen', relation: 'child', birthYear: 2018 },
    ],
    goals: [
      {
        title: 'Isä ja lapset asuvat vakaasti samassa kodissa',
        indicator: 'Asumisen tilanne',
        baseline: 'väliaikainen',
        target: 'oma vuokra-asunto',
        targetInDays: 150,
      },
    ],
    roles: [
      {
        service: 'socialWork',
        status: 'accepted',
        description: 'Asumisen ja toimeentulon järjestelyt.',
        actions: [{ title: 'Asuntohakemus', owner: 'Sosiaalityö', dueInDays: 4, status: 'in_progress', goal: 0 }],
      },
      {
        service: 'familyWork',
        status: 'accepted',
        responsible: 'familyWorker',
        description: 'Kotikäynnit kahdesti kuussa.',
        actions: [{ title: 'Arjen rytmi uudessa kodissa', owner: 'Mikko Salo', dueInDays: 30, status: 'planned' }],
      },
    ],
    reviewInDays: 1,
  },
  {
    name: 'Perhe Hämäläinen',
    status: 'closed',
    coordinator: 'coordinator',
    members: [
      { name: 'Sanna Hämäläinen', relation: 'guardian', birthYear: 1990 },
      { name: 'Veera Hämäläinen', relation: 'child', birthYear: 2017 },
    ],
    goals: [
      { title: 'Veera aloittaa esikoulun', indicator: 'Esikoulupäivät', baseline: '0', target: '5/vko', targetInDays: -30 },
    ],
    roles: [{ service: 'earlyEducation', status: 'ended', description: 'Esikoulun aloitus tuettiin.' }],
  },
  {
    name: 'Perhe Heikkinen',
    status: 'active',
    coordinator: 'coordinator',
    members: [
      { name: 'Laura Heikkinen', relation: 'guardian', birthYear: 1995 },
      { name: 'Kalle Heikkinen', relation: 'guardian', birthYear: 1994 },
      { name: 'Iida Heikkinen', relation: 'child', birthYear: 2023 },
    ],
    goals: [{ title: 'Vanhemmat saavat nukkua', indicator: 'Yöunen tunnit', baseline: '4', target: '7', targetInDays: 60 }],
    roles: [
      {
        service: 'clinic',
        status: 'accepted',
        responsible: 'clinicWorker',
        description: 'Vauvaperheen tuki ja unikoulu.',
        actions: [{ title: 'Unikoulun ohjaus', owner: 'Liisa Aho', dueInDays: 8, status: 'planned', goal: 0 }],
      },
      {
        service: 'walkAlongside',
        status: 'accepted',
        responsible: 'walkAlongsideWorker',
        description: 'Lastenhoitoapu kahtena iltana viikossa.',
        actions: [{ title: 'Iltahoitovuorot', owner: 'Jari Huttunen', dueInDays: 6, status: 'in_progress', goal: 0 }],
      },
    ],
    reviewInDays: 35,
  },
  {
    name: 'Perhe Koskinen',
    status: 'active',
    coordinator: 'secondCoordinator',
    members: [
      { name: 'Riikka Koskinen', relation: 'guardian', birthYear: 1987 },
      { name: 'Milo Koskinen', relation: 'child', birthYear: 2012 },
    ],
    goals: [
      {
        title: 'Milolla on harrastus ja kavereita',
        indicator: 'Harrastuskerrat viikossa',
        baseline: '0',
        target: '2',
        targetInDays: 90,
      },
    ],
    roles: [
      {
        service: 'familyWork',
        status: 'accepted',
        responsible: 'familyWorker',
        description: 'Perhetyö tukee arkea.',
        actions: [{ title: 'Harrastuksen etsiminen', owner: 'Mikko Salo', dueInDays: 12, status: 'planned', goal: 0 }],
      },
    ],
  },
  {
    name: 'Perhe Järvinen',
    status: 'new',
    coordinator: 'secondCoordinator',
    members: [
      { name: 'Eveliina Järvinen', relation: 'guardian', birthYear: 2001 },
      { name: 'Onni Järvinen', relation: 'child', birthYear: 2024 },
    ],
  },
];

const DEMO_SEED_LOCK = 7_240_002;
const USAGE_SEED = 20_260_101;

const DAY_MS = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS);

/** How a demo invitation was sent and answered; the reminder job reminds those still open once they are due. */
function invitationColumns(role: DemoRole, coordinatorId: string, accountIds: Record<DemoAccountKey, string>) {
  if (!role.invitation) return {};
  return {
    invitedBy: coordinatorId,
    invitedAt: daysAgo(role.invitation.daysAgo),
    invitationMessage: role.invitation.message ?? null,
    ...(role.declined && {
      respondedAt: daysAgo(role.declined.daysAgo),
      respondedBy: accountIds[role.declined.by],
      declineReason: role.declined.reason,
    }),
  };
}

/** A calendar day `days` from today in the municipality (a due date "today" is not yet overdue there). */
const dayOffset = (days: number): string => addDays(municipalityDate(), days);

/** Seeds the demo world into an empty database; does nothing when any organisation exists. */
export async function seedDemoWorld(db: Db): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${DEMO_SEED_LOCK})`);
    const existing = await tx.select({ id: organisations.id }).from(organisations).limit(1);
    if (existing.length > 0) return false;
    await writeDemoWorld(tx);
    return true;
  });
}

/**
 * A month's usage for each month the role has run through last month (the month's first day
 * prices it), so the cost views have something to show: around a level of its own for each family
 * and service, a little more or less from month to month, drawn from `random`. A service records
 * a month once it is over, so this month is left for the workers to record.
 */
async function seedMonthlyUsage(
  tx: Tx,
  role: { id: string; familyId: string; serviceId: string; service: DemoService },
  recordedBy: string,
  random: () => number,
): Promise<void> {
  const months = await queryRows<{ month: string }>(
    tx,
    sql`select month::date::text as month from service_roles sr,
      generate_series(date_trunc('month', sr.starts_on), least(date_trunc('month', coalesce(sr.ends_on, ${municipalityToday})), date_trunc('month', ${municipalityToday}) - interval '1 month'), interval '1 month') month
    where sr.id = ${role.id}`,
  );
  const [low, high] = role.service.monthlyUnits;
  const level = low + random() * (high - low);
  await tx.insert(serviceUsage).values(
    months.map(({ month }) => ({
      familyId: role.familyId,
      serviceRoleId: role.id,
      serviceId: role.serviceId,
      usedOn: month,
      period: 'month' as const,
      units: unitsOfMonth(level, role.service, random),
      recordedBy,
    })),
  );
}

async function writeDemoWorld(tx: Tx): Promise<void> {
  const [city, area, ngo] = await tx
    .insert(organisations)
    .values([{ name: 'Varkauden kaupunki (demo)' }, { name: 'Demo-hyvinvointialue' }, { name: 'Lapsikylä-demo ry' }])
    .returning();
  const providers = { city: city!.id, area: area!.id, ngo: ngo!.id };

  const serviceIds = {} as Record<ServiceKey, string>;
  for (const [key, service] of Object.entries(serviceCatalogue) as Array<[ServiceKey, (typeof serviceCatalogue)[ServiceKey]]>) {
    const [row] = await tx
      .insert(services)
      .values({
        organisationId: providers[service.provider],
        name: service.name,
        category: service.category,
        unit: service.unit,
        contact: service.contact,
        description: service.name.fi,
      })
      .returning({ id: services.id });
    serviceIds[key] = row!.id;
    await tx
      .insert(servicePrices)
      .values({ serviceId: row!.id, validFrom: FIRST_PRICE_VALID_FROM, unitCostCents: service.unitCostEur * 100 });
  }

  const passwordHash = await hashPassword(demoAccounts.coordinator.password);
  const accountIds = {} as Record<DemoAccountKey, string>;
  for (const [key, demo] of Object.entries(demoAccounts) as Array<[DemoAccountKey, (typeof demoAccounts)[DemoAccountKey]]>) {
    const organisationId = demo.role === 'family' ? null : key === 'walkAlongsideWorker' ? providers.ngo : providers.area;
    const [row] = await tx
      .insert(accounts)
      .values({ email: demo.email, name: demo.name, role: demo.role, organisationId, passwordHash, isDemo: true })
      .returning({ id: accounts.id });
    accountIds[key] = row!.id;
    for (const service of workerServices[key] ?? []) {
      await tx.insert(serviceMemberships).values({ accountId: row!.id, serviceId: serviceIds[service] });
    }
  }

  const usageRandom = seededRandom(USAGE_SEED);
  for (const family of demoFamilies) {
    const [familyRow] = await tx
      .insert(families)
      // Opened before its services' roles started, so their usage falls within the case.
      .values({
        name: family.name,
        status: family.status,
        coordinatorId: accountIds[family.coordinator],
        createdAt: sql`now() - interval '90 days'`,
      })
      .returning({ id: families.id });
    const familyId = familyRow!.id;
    await tx.insert(plans).values({ familyId });
    for (const member of family.members) {
      await tx.insert(familyMembers).values({
        familyId,
        name: member.name,
        relation: member.relation,
        birthYear: member.birthYear,
        accountId: member.login ? accountIds[member.login] : null,
      });
    }
    const goalIds: string[] = [];
    for (const goal of family.goals ?? []) {
      const [row] = await tx
        .insert(goals)
        .values({
          familyId,
          title: goal.title,
          indicator: goal.indicator,
          baseline: goal.baseline,
          target: goal.target,
          targetOn: dayOffset(goal.targetInDays),
          attainmentScale: goal.attainmentScale ?? null,
          ...(goal.targetInDays < 0 && { status: 'reached' as const, endedOn: dayOffset(0) }),
        })
        .returning({ id: goals.id });
      goalIds.push(row!.id);
    }
    for (const role of family.roles ?? []) {
      const [roleRow] = await tx
        .insert(serviceRoles)
        .values({
          familyId,
          serviceId: serviceIds[role.service],
          status: role.status,
          description: role.description ?? '',
          responsibleAccountId: role.responsible ? accountIds[role.responsible] : null,
          startsOn: role.status === 'invited' || role.status === 'declined' ? null : dayOffset(-60),
          endsOn: role.status === 'ended' ? dayOffset(-20) : null,
          ...invitationColumns(role, accountIds[family.coordinator], accountIds),
        })
        .returning({ id: serviceRoles.id });
      if (role.status === 'accepted' || role.status === 'ended')
        await seedMonthlyUsage(
          tx,
          { id: roleRow!.id, familyId, serviceId: serviceIds[role.service], service: serviceCatalogue[role.service] },
          accountIds[role.responsible ?? family.coordinator],
          usageRandom,
        );
      // Families without a login of their own gave consent on paper; the coordinator recorded it.
      const consentGiver = accountIds[family.members.find((member) => member.login)?.login ?? family.coordinator];
      for (const part of role.status === 'accepted' ? (role.consent ?? ['story', 'goals', 'notes']) : []) {
        await tx
          .insert(consentDecisions)
          .values({ familyId, serviceId: serviceIds[role.service], part, granted: true, decidedBy: consentGiver });
      }
      for (const action of role.actions ?? []) {
        await tx.insert(actions).values({
          familyId,
          serviceRoleId: roleRow!.id,
          goalId: action.goal === undefined ? null : goalIds[action.goal],
          title: action.title,
          ownerName: action.owner,
          dueOn: dayOffset(action.dueInDays),
          status: action.status,
        });
      }
    }
    for (const action of family.familyActions ?? []) {
      await tx.insert(actions).values({
        familyId,
        serviceRoleId: null,
        goalId: action.goal === undefined ? null : goalIds[action.goal],
        title: action.title,
        ownerName: action.owner,
        dueOn: dayOffset(action.dueInDays),
        status: action.status,
      });
    }
    if (family.reviewInDays !== undefined)
      await tx.insert(reviews).values({ familyId, scheduledOn: dayOffset(family.reviewInDays) });
    // Closing the case asked the family about its experience; it has not answered yet.
    if (family.status === 'closed') await tx.insert(feedbackRequests).values({ familyId, occasion: 'closing' });
  }
  await seedDemoPlan(tx);
  await seedDemoStory(tx);
  await seedDemoHistoricalCosts(tx, accountIds.manager);
}
