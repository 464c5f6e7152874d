import { planParts, type AttainmentLevel, type GoalStatus, type NoteVisibility } from '@yhdessa/shared';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { addDays } from '../../core/calendar-days';
import { municipalityDate } from '../../core/clock';
import { accounts } from '../../db/tables/accounts';
import type { Tx } from '../../db/database';
import { families } from '../../db/tables/families';
import { feedbackRequests } from '../../db/tables/feedback';
import { goalProgress, goals } from '../../db/tables/goals';
import { notes } from '../../db/tables/notes';
import { freezePlanVersion } from '../plan-versions';
import { presentPlan } from '../plans';
import { findPlanParts } from '../plans';
import { agendaItems, reviews } from '../../db/tables/reviews';
import { serviceRoles } from '../../db/tables/service-roles';
import { services } from '../../db/tables/services';
import { demoAccounts, type DemoAccountKey } from './demo-accounts';

/**
 * The living part of "Perhe Virtanen"'s plan: whose goals they are and how they are going (the
 * bills goal ended partly reached at the review, the mornings goal reached since, on its attainment
 * scale), notes from several services, a review that froze plan version 1 and that Anna gave
 * feedback on, and the next review's agenda (one item from Anna herself).
 */

const DAY_MS = 24 * 60 * 60 * 1000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS);
/** A calendar day `days` before today in the municipality, as the product's own dates are. */
const dateDaysAgo = (days: number) => addDays(municipalityDate(), -days);

/** The review a month ago: goals that ended this many days ago or earlier are ended in its plan version. */
const REVIEW_DAYS_AGO = 30;

const goalStory: Array<{
  owner: string;
  progressBeforeReview: Array<[number, string, string]>;
  progressAfter: Array<[number, string, string]>;
  ending?: { status: Exclude<GoalStatus, 'open'>; daysAgo: number; attainedLevel?: AttainmentLevel };
}> = [
  {
    owner: 'Eetu ja Anna',
    progressBeforeReview: [[45, '4', 'Aamut vielä kaoottisia.']],
    progressAfter: [
      [20, '2', 'Herätyskello ja aamupala illalla auttavat.'],
      [5, '1', 'Vain yksi myöhästyminen tällä viikolla!'],
    ],
    // One late morning a week is what the scale expects (0).
    ending: { status: 'reached', daysAgo: 3, attainedLevel: 0 },
  },
  { owner: 'Anna', progressBeforeReview: [[40, '3', '']], progressAfter: [[10, '5', 'Nukun paremmin.']] },
  { owner: 'Ella ja Anna', progressBeforeReview: [], progressAfter: [[7, '0', 'Hakemus jätetty päiväkotiin.']] },
  {
    owner: 'Jukka ja Anna',
    progressBeforeReview: [[60, '1', 'Kaksi laskua maksettu, sähkölaskulle maksusuunnitelma.']],
    progressAfter: [],
    ending: { status: 'partly_reached', daysAgo: REVIEW_DAYS_AGO },
  },
];

const demoNotes: Array<{
  service: string | null;
  author: DemoAccountKey;
  visibility: NoteVisibility;
  body: string;
  daysAgo: number;
}> = [
  {
    service: 'Lastensuojelun perhetyö',
    author: 'familyWorker',
    visibility: 'family',
    body: 'Kotikäynti: teimme yhdessä aamun kuvakortit. Eetu valitsi itse järjestyksen.',
    daysAgo: 12,
  },
  {
    service: 'Lastensuojelun perhetyö',
    author: 'familyWorker',
    visibility: 'professionals',
    body: 'Äidin väsymys näkyy iltaisin; ohjattu ottamaan puheeksi mielenterveyspalveluissa.',
    daysAgo: 11,
  },
  {
    service: 'Koulun kuraattoripalvelut',
    author: 'schoolWorker',
    visibility: 'family',
    body: 'Eetu on ollut koulussa ajoissa neljänä päivänä viidestä. Hieno viikko!',
    daysAgo: 6,
  },
  {
    service: 'Aikuisten mielenterveys- ja päihdepalvelut',
    author: 'mentalHealthWorker',
    visibility: 'professionals',
    body: 'Hoitokontakti aloitettu, seuraava käynti kahden viikon päästä.',
    daysAgo: 4,
  },
  {
    service: null,
    author: 'coordinator',
    visibility: 'family',
    body: 'Seuraavassa palaverissa katsotaan yhdessä aamujen tilanne ja päiväkotipaikka.',
    daysAgo: 2,
  },
];

export async function seedDemoPlan(tx: Tx): Promise<void> {
  const [family] = await tx.select().from(families).where(eq(families.name, 'Perhe Virtanen'));
  if (!family) return;
  const familyId = family.id;
  const accountRows = await tx
    .select({ id: accounts.id, email: accounts.email })
    .from(accounts)
    .where(
      inArray(
        accounts.email,
        Object.values(demoAccounts).map((account) => account.email),
      ),
    );
  const accountId = (key: DemoAccountKey) => accountRows.find((row) => row.email === demoAccounts[key].email)!.id;
  const roleRows = await tx
    .select({ id: serviceRoles.id, serviceName: sql<string>`${services.name}->>'fi'` })
    .from(serviceRoles)
    .innerJoin(services, eq(services.id, serviceRoles.serviceId))
    .where(eq(serviceRoles.familyId, familyId));
  const goalRows = await tx.select().from(goals).where(eq(goals.familyId, familyId)).orderBy(asc(goals.createdAt), asc(goals.id));

  const recordProgress = async (goalId: string, [days, value, note]: [number, string, string]) =>
    tx
      .insert(goalProgress)
      .values({ familyId, goalId, recordedOn: dateDaysAgo(days), value, note, recordedBy: accountId('guardian') });
  /** Ends the goals whose story ends them in the given span of days ago. */
  const endGoals = async (ended: (daysAgo: number) => boolean) => {
    for (const [index, goal] of goalRows.entries()) {
      const ending = goalStory[index]?.ending;
      if (!ending || !ended(ending.daysAgo)) continue;
      await tx
        .update(goals)
        .set({ status: ending.status, endedOn: dateDaysAgo(ending.daysAgo), attainedLevel: ending.attainedLevel ?? null })
        .where(eq(goals.id, goal.id));
    }
  };
  for (const [index, goal] of goalRows.entries()) {
    const story = goalStory[index];
    if (!story) continue;
    await tx.update(goals).set({ ownerName: story.owner }).where(eq(goals.id, goal.id));
    for (const entry of story.progressBeforeReview) await recordProgress(goal.id, entry);
  }
  await endGoals((days) => days >= REVIEW_DAYS_AGO);

  // The review a month ago froze the plan as it stood then: version 1.
  const [completed] = await tx
    .insert(reviews)
    .values({
      familyId,
      scheduledOn: dateDaysAgo(REVIEW_DAYS_AGO),
      participants: ['Anna Virtanen', 'Jukka Virtanen', 'Sari Lehtonen', 'Mikko Salo', 'Hanna Kivelä'],
      minutes: 'Käytiin läpi perheen tarina ja tavoitteet. Anna kertoi aamujen olevan raskaimpia.',
      decisions:
        'Perhetyö aloittaa viikoittaiset kotikäynnit. Koulu lähettää viikkoviestin kotiin. Laskutavoite päätetään osittain saavutettuna: vanhat laskut ovat maksusuunnitelmassa.',
    })
    .returning();
  const parts = await findPlanParts(familyId, { withGoals: true }, tx);
  const snapshot = presentPlan(parts!, new Set(planParts));
  await freezePlanVersion(familyId, completed!.id, snapshot, tx);
  await tx
    .update(reviews)
    .set({
      status: 'completed',
      completedAt: daysAgo(REVIEW_DAYS_AGO),
      completedBy: accountId('coordinator'),
      planVersion: snapshot.version,
      version: 2,
    })
    .where(eq(reviews.id, completed!.id));

  // Anna answered the review's feedback request two days later and let Sari see her answer.
  await tx.insert(feedbackRequests).values({
    familyId,
    occasion: 'review',
    reviewId: completed!.id,
    openedAt: daysAgo(REVIEW_DAYS_AGO),
    answeredAt: daysAgo(REVIEW_DAYS_AGO - 2),
    answeredBy: accountId('guardian'),
    workedTogether: 8,
    noRetelling: 9,
    wouldRecommend: 8,
    words: 'Oli helpotus, kun kaikki olivat samassa palaverissa eikä tarvinnut kertoa asioita monta kertaa.',
    coordinatorMaySee: true,
  });

  for (const [index, goal] of goalRows.entries())
    for (const entry of goalStory[index]?.progressAfter ?? []) await recordProgress(goal.id, entry);
  await endGoals((days) => days < REVIEW_DAYS_AGO);

  for (const note of demoNotes) {
    const role = note.service ? roleRows.find((row) => row.serviceName === note.service) : null;
    await tx.insert(notes).values({
      familyId,
      serviceRoleId: role?.id ?? null,
      authorId: accountId(note.author),
      body: note.body,
      visibility: note.visibility,
      createdAt: daysAgo(note.daysAgo),
      updatedAt: daysAgo(note.daysAgo),
    });
  }

  const [next] = await tx
    .select()
    .from(reviews)
    .where(and(eq(reviews.familyId, familyId), eq(reviews.status, 'scheduled')));
  if (next) {
    await tx
      .update(reviews)
      .set({ participants: ['Anna Virtanen', 'Jukka Virtanen', 'Sari Lehtonen', 'Mikko Salo', 'Jari Huttunen'] })
      .where(eq(reviews.id, next.id));
    for (const [title, by] of [
      ['Aamujen tilanne: mikä on auttanut?', 'coordinator'],
      ['Ellan päiväkotipaikka', 'walkAlongsideWorker'],
      ['Voisiko Eetu aloittaa jalkapallon?', 'guardian'],
    ] as const)
      await tx.insert(agendaItems).values({ familyId, reviewId: next.id, title, proposedBy: accountId(by) });
  }
}
