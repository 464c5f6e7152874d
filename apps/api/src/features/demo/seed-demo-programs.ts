import { addDays } from '../../core/calendar-days';
import type { NewProgramMetric } from '@yhdessa/shared';
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/database';
import { accounts } from '../../db/tables/accounts';
import { familyMembers, families } from '../../db/tables/families';
import { programEnrolments, programMetrics, programPayers, programs } from '../../db/tables/programs';
import { serviceRoles } from '../../db/tables/service-roles';
import { serviceUsage } from '../../db/tables/service-usage';
import { services } from '../../db/tables/services';
import { newPseudonym } from '../programs';
import { demoAccounts } from './demo-accounts';
import { seededRandom, unitsOfMonth } from './demo-figures';
import { monthStart } from './seed-demo-municipality';
import { monthlyUnitsByName } from './seed-demo-world';
import type { MunicipalityCase } from './seed-demo-outcomes';

/**
 * An outcome-based programme shaped like Lapset SIB (six municipalities and a joint authority,
 * walk-alongside work, outcomes followed until 2031), with about half of the generated families
 * whose case opened from 2024 on enrolled. Every name, share and payment here is invented for the
 * demo. Drawn from a generator of its own, so the data drawn before stays as it was.
 */

const PROGRAM_SEED = 20_261_207;
const PROGRAM_STARTS = '2024-01-01';
const ENROL_SHARE = 0.5;
const WITHDRAWALS = 3;
/**
 * Share of enrolled families, still in the programme a year on, whose child was placed outside the
 * home for 1-3 months during its first year (invented, like the rest): the misses the contract is
 * about. Spread over the months, so the placement's monthly cells stay under five families.
 */
const PLACED_SHARE = 0.1;

/** The payers, the demo municipality first; cumulative shares of the families each pays for. */
const payers: Array<[string, number]> = [
  ['Varkaus demo', 0.4],
  ['Leppävirta demo', 0.5],
  ['Joroinen demo', 0.6],
  ['Heinävesi demo', 0.7],
  ['Pieksämäki demo', 0.8],
  ['Savonlinna demo', 0.9],
  ['Keski-Savon kuntayhtymä demo', 1],
];

const metrics = (placementServiceId: string): NewProgramMetric[] => [
  {
    name: 'Lapsi asuu kotona 12 kuukautta mukaan tulosta',
    definition: { kind: 'lives_at_home', months: 12, placementServiceIds: [placementServiceId] },
    baselineRate: 80,
    targetRate: 90,
    paymentCents: 800_000,
  },
  {
    name: 'Hyvinvointi kohenee vähintään askeleen kolmella osa-alueella 12 kuukaudessa',
    definition: { kind: 'wellbeing_improved', months: 12, steps: 1, domains: 3 },
    baselineRate: 30,
    targetRate: 50,
    paymentCents: 200_000,
  },
  {
    name: 'Perheen tavoite saavutetaan 12 kuukaudessa',
    definition: { kind: 'goal_reached', months: 12 },
    baselineRate: 40,
    targetRate: 60,
    paymentCents: 150_000,
  },
];

const hasChildUnder18 = (members: MunicipalityCase['members'], day: string) =>
  members.some((member) => member.relation === 'child' && Number(day.slice(0, 4)) - member.birthYear <= 17);

/** Seeds the programme after the municipality's cases; nothing is dated on `until` (this month's first day) or after it. */
export async function seedDemoPrograms(tx: Tx, cases: MunicipalityCase[], until: string): Promise<void> {
  const random = seededRandom(PROGRAM_SEED);
  const [manager] = await tx
    .select({ id: accounts.id, organisationId: accounts.organisationId })
    .from(accounts)
    .where(eq(accounts.email, demoAccounts.manager.email));
  const [placement] = await tx
    .select({ id: services.id })
    .from(services)
    .where(sql`${services.name}->>'fi' = 'Sijaishuolto'`);
  if (!manager?.organisationId || !placement) return;
  const lastDay = addDays(until, -1);

  const [program] = await tx
    .insert(programs)
    .values({
      organisationId: manager.organisationId,
      name: 'Lapset ja perheet -tulosohjelma (demo)',
      provider: 'Lapset SIB -rahasto (demo)',
      description:
        'Rinnallakulkijat tukevat perheitä, joissa lapsen sijoitus on uhkana. Maksajat maksavat rahastolle vain saavutetuista tuloksista. Kuvitteellinen demo-ohjelma.',
      targetGroup: {
        description: 'Perheet, joissa on 0–17-vuotias lapsi ja lapsen sijoitus kodin ulkopuolelle on uhkana.',
        childAgeMin: 0,
        childAgeMax: 17,
      },
      startsOn: PROGRAM_STARTS,
      endsOn: '2031-12-31',
      createdBy: manager.id,
    })
    .returning({ id: programs.id });
  const payerIds = await tx
    .insert(programPayers)
    .values(payers.map(([name], position) => ({ programId: program!.id, name, position })))
    .returning({ id: programPayers.id });
  await tx
    .insert(programMetrics)
    .values(metrics(placement.id).map((metric, position) => ({ programId: program!.id, position, ...metric })));
  const drawPayer = () => {
    const drawn = random();
    return payerIds[payers.findIndex(([, share]) => drawn < share)]!.id;
  };

  // The target group is families at risk of a placement: those whose child was placed are always in.
  const placed = new Set(
    (
      await tx
        .selectDistinct({ familyId: serviceUsage.familyId })
        .from(serviceUsage)
        .where(eq(serviceUsage.serviceId, placement.id))
    ).map((row) => row.familyId),
  );
  const rows: (typeof programEnrolments.$inferInsert)[] = [];
  for (const { familyId, coordinatorId, openedOn, closedOn, members } of cases) {
    const enrols = random() < ENROL_SHARE || placed.has(familyId);
    const enrolledOn = addDays(openedOn, Math.floor(random() * 21));
    if (!enrols || openedOn < PROGRAM_STARTS || enrolledOn > lastDay || !hasChildUnder18(members, enrolledOn)) continue;
    const guardian = members.find((member) => member.relation === 'guardian')!;
    const ended = closedOn !== null && closedOn <= lastDay && closedOn >= enrolledOn;
    rows.push({
      programId: program!.id,
      familyId,
      payerId: drawPayer(),
      pseudonym: newPseudonym(),
      enrolledOn,
      consentGivenBy: guardian.id,
      consentGivenOn: addDays(enrolledOn, -Math.floor(random() * 7)),
      recordedBy: coordinatorId,
      endedOn: ended ? closedOn : null,
      endReason: ended ? 'case_closed' : null,
    });
  }
  await seedPlacements(tx, rows, cases, { serviceId: placement.id, until, random });

  // A few guardians took their consent back: those families are in no report.
  for (let withdrawn = 0; withdrawn < WITHDRAWALS && rows.length > 0; withdrawn++) {
    const row = rows[Math.floor(random() * rows.length)]!;
    row.endedOn = row.endedOn ?? lastDay;
    row.endReason = 'consent_withdrawn';
  }

  // Sari's Perhe Virtanen is in too, so the coordinator and Anna see an enrolment. Anna agreed after
  // the review: her meters so far came before, so the programme waits for her next one.
  const [virtanen] = await tx
    .select({ id: families.id, coordinatorId: families.coordinatorId, guardianId: familyMembers.id })
    .from(families)
    .innerJoin(familyMembers, and(eq(familyMembers.familyId, families.id), eq(familyMembers.name, 'Anna Virtanen')))
    .where(eq(families.name, 'Perhe Virtanen'));
  if (virtanen) {
    const enrolledOn = addDays(lastDay, -10);
    rows.push({
      programId: program!.id,
      familyId: virtanen.id,
      payerId: payerIds[0]!.id,
      pseudonym: newPseudonym(),
      enrolledOn,
      consentGivenBy: virtanen.guardianId,
      consentGivenOn: addDays(enrolledOn, -3),
      recordedBy: virtanen.coordinatorId,
    });
  }
  await tx.insert(programEnrolments).values(rows);
}

/** Placements of a few enrolled families, each a service role of its own with a month's usage per month placed. */
async function seedPlacements(
  tx: Tx,
  enrolled: ReadonlyArray<typeof programEnrolments.$inferInsert>,
  cases: readonly MunicipalityCase[],
  { serviceId, until, random }: { serviceId: string; until: string; random: () => number },
): Promise<void> {
  const units = monthlyUnitsByName.get('Sijaishuolto')!;
  for (const enrolment of enrolled) {
    const { closedOn } = cases.find((each) => each.familyId === enrolment.familyId)!;
    const startsOn = monthStart(enrolment.enrolledOn, 2 + Math.floor(random() * 8));
    const months = 1 + Math.floor(random() * 3);
    const endsOn = monthStart(startsOn, months);
    const yearOn = monthStart(enrolment.enrolledOn, 13);
    if (random() >= PLACED_SHARE || endsOn > until || (closedOn !== null && closedOn < yearOn)) continue;
    const [role] = await tx
      .insert(serviceRoles)
      .values({
        familyId: enrolment.familyId,
        serviceId,
        status: 'ended',
        startsOn,
        endsOn,
        invitedBy: enrolment.recordedBy,
        createdAt: new Date(`${startsOn}T08:00:00Z`),
      })
      .returning({ id: serviceRoles.id });
    const level = units[0] + random() * (units[1] - units[0]);
    await tx.insert(serviceUsage).values(
      Array.from({ length: months }, (_, month) => ({
        familyId: enrolment.familyId,
        serviceRoleId: role!.id,
        serviceId,
        usedOn: monthStart(startsOn, month),
        period: 'month' as const,
        units: unitsOfMonth(level, { unit: 'day', monthlyUnits: units }, random),
        recordedBy: enrolment.recordedBy,
      })),
    );
  }
}
