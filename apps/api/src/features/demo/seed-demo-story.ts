import type { AssessmentDomain, MeasurementOccasion, RespondentVersion } from '@yhdessa/shared';
import { and, eq, inArray } from 'drizzle-orm';
import { addDays } from '../../core/calendar-days';
import { municipalityDate } from '../../core/clock';
import { accounts } from '../../db/tables/accounts';
import { assessmentRatings, assessments } from '../../db/tables/assessments';
import type { Tx } from '../../db/database';
import { familyMembers, families } from '../../db/tables/families';
import { measurementScores, measurements } from '../../db/tables/measurements';
import { stories, storyComments, storyRevisions } from '../../db/tables/stories';
import { demoAccounts } from './demo-accounts';

/**
 * "Perhe Virtanen" told its story once: written with the coordinator, corrected once since, with
 * a comment from Anna; two joint assessments, at the start and now, to compare; and the family's
 * own wellbeing meters since the start, one of them Eetu's in the young person's words.
 */

const DAY_MS = 24 * 60 * 60 * 1000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS);

const firstStory = {
  background:
    'Perhe muutti Varkauteen Kuopiosta kolme vuotta sitten Jukan työn perässä. Lähiverkosto, isovanhemmat ja ystävät, jäi Kuopioon.',
  situation:
    'Jukka on ollut lomautettuna keväästä. Eetun koulunkäynti on takkuillut ja aamut ovat raskaita. Ellalla on päivähoitopaikka, mutta hakemiset venyvät.',
  strengths: 'Vanhemmat haluavat muutosta ja puhuvat avoimesti. Eetu rakastaa jalkapalloa. Ella on utelias ja iloinen.',
};
const currentStory = {
  ...firstStory,
  situation:
    'Jukka on ollut lomautettuna keväästä ja hakee nyt töitä TE-palveluiden kautta. Eetun koulunkäynti on takkuillut ja aamut ovat raskaita; kouluun lähtö on parantunut viime viikkoina. Ellalla on päivähoitopaikka, mutta hakemiset venyvät.',
};

type Ratings = Record<AssessmentDomain, [number, string]>;
const earlierRatings: Ratings = {
  'daily-life': [2, 'Aamut ja iltarutiinit ovat vaikeita, nukkumaanmeno venyy.'],
  parenting: [3, 'Vanhemmat ovat lämpimiä, mutta rajojen asettaminen on väsyneenä hankalaa.'],
  'child-development-and-school': [2, 'Eetulla myöhästymisiä ja poissaoloja, läksyt jäävät tekemättä.'],
  'physical-health': [4, 'Lasten terveys hyvä, neuvolakäynnit ajallaan.'],
  'mental-health-and-substances': [2, 'Annalla uupumusta ja univaikeuksia, Jukalla alakuloa lomautuksen vuoksi.'],
  'finances-and-work': [2, 'Lomautus on pienentänyt tuloja, laskuja myöhässä.'],
  housing: [4, 'Vuokra-asunto on sopiva ja lähellä koulua.'],
  'social-network-and-leisure': [2, 'Lähiverkosto on kaukana, harrastuksia ei juuri ole.'],
  safety: [4, 'Ei huolta turvallisuudesta kotona.'],
};
const currentRatings: Ratings = {
  'daily-life': [3, 'Aamupalaverit auttavat, kouluun lähtö sujuu useimpina aamuina.'],
  parenting: [4, 'Vanhemmat sopivat yhteisistä säännöistä perhetyöntekijän kanssa.'],
  'child-development-and-school': [3, 'Myöhästymisiä enää muutama kuukaudessa, läksykerho tukee.'],
  'physical-health': [4, 'Lasten terveys hyvä.'],
  'mental-health-and-substances': [3, 'Anna on aloittanut keskustelut, uni on parantunut.'],
  'finances-and-work': [2, 'Jukka hakee töitä, talous edelleen tiukka.'],
  housing: [4, 'Asuminen vakaata.'],
  'social-network-and-leisure': [3, 'Eetu aloitti jalkapallon, Anna käy perhekahvilassa.'],
  safety: [5, 'Ei huolta turvallisuudesta.'],
};

/**
 * The meters over the case's 90 days: mornings, school and Anna's own strength get better, money
 * gets worse while Jukka is laid off. Eetu filled in his after the review on Anna's login and
 * skipped what he did not want to answer.
 */
const meters: Array<{
  daysAgo: number;
  member: string;
  version: RespondentVersion;
  occasion: MeasurementOccasion;
  scores: Partial<Record<AssessmentDomain, number>>;
  comment: string;
}> = [
  {
    daysAgo: 86,
    member: 'Anna Virtanen',
    version: 'adult',
    occasion: 'start',
    scores: {
      'daily-life': 2,
      parenting: 3,
      'child-development-and-school': 2,
      'physical-health': 4,
      'mental-health-and-substances': 2,
      'finances-and-work': 2,
      housing: 4,
      'social-network-and-leisure': 2,
      safety: 4,
    },
    comment: 'Aamut ovat raskaimpia. Olen väsynyt.',
  },
  {
    daysAgo: 58,
    member: 'Anna Virtanen',
    version: 'adult',
    occasion: 'own',
    scores: {
      'daily-life': 3,
      parenting: 3,
      'child-development-and-school': 2,
      'physical-health': 4,
      'mental-health-and-substances': 2,
      'finances-and-work': 1,
      housing: 4,
      'social-network-and-leisure': 2,
      safety: 4,
    },
    comment: 'Lomautus jatkuu, rahasta on huoli.',
  },
  {
    daysAgo: 27,
    member: 'Anna Virtanen',
    version: 'adult',
    occasion: 'review',
    scores: {
      'daily-life': 4,
      parenting: 4,
      'child-development-and-school': 3,
      'physical-health': 4,
      'mental-health-and-substances': 3,
      'finances-and-work': 1,
      housing: 4,
      'social-network-and-leisure': 3,
      safety: 5,
    },
    comment: 'Aamut sujuvat jo paremmin. Nukun paremmin kuin keväällä.',
  },
  {
    daysAgo: 26,
    member: 'Eetu Virtanen',
    version: 'young',
    occasion: 'review',
    scores: {
      'daily-life': 4,
      'child-development-and-school': 3,
      'physical-health': 5,
      'social-network-and-leisure': 3,
      safety: 5,
    },
    comment: 'Reppu on valmiina illalla, niin aamulla ei tarvitse kiirehtiä.',
  },
];

export async function seedDemoStory(tx: Tx): Promise<void> {
  const [family] = await tx.select().from(families).where(eq(families.name, 'Perhe Virtanen'));
  if (!family) return;
  const familyId = family.id;
  const rows = await tx
    .select({ id: accounts.id, email: accounts.email })
    .from(accounts)
    .where(inArray(accounts.email, [demoAccounts.coordinator.email, demoAccounts.guardian.email]));
  const idOf = (email: string) => rows.find((row) => row.email === email)!.id;
  const coordinatorId = idOf(demoAccounts.coordinator.email);
  const guardianId = idOf(demoAccounts.guardian.email);

  await tx.insert(stories).values({ familyId, ...currentStory, updatedBy: coordinatorId, version: 3, updatedAt: daysAgo(10) });
  await tx.insert(storyRevisions).values([
    { familyId, version: 2, ...firstStory, editedBy: coordinatorId, createdAt: daysAgo(75) },
    { familyId, version: 3, ...currentStory, editedBy: coordinatorId, createdAt: daysAgo(10) },
  ]);
  await tx.insert(storyComments).values({
    familyId,
    kind: 'comment',
    body: 'Hyvä että tarina on nyt kirjoitettu yhteen paikkaan, ei tarvitse kertoa kaikille uudestaan.',
    authorId: guardianId,
    createdAt: daysAgo(9),
  });

  for (const [days, ratings] of [
    [80, earlierRatings],
    [14, currentRatings],
  ] as const) {
    const [assessment] = await tx
      .insert(assessments)
      .values({
        familyId,
        assessedOn: addDays(municipalityDate(), -days),
        createdBy: coordinatorId,
        createdAt: daysAgo(days),
      })
      .returning({ id: assessments.id });
    await tx.insert(assessmentRatings).values(
      (Object.entries(ratings) as Array<[AssessmentDomain, [number, string]]>).map(([domain, [rating, notes]]) => ({
        assessmentId: assessment!.id,
        familyId,
        domain,
        rating,
        notes,
        ratedBy: coordinatorId,
        ratedAt: daysAgo(days),
      })),
    );
  }

  for (const meter of meters) {
    const [member] = await tx
      .select({ id: familyMembers.id })
      .from(familyMembers)
      .where(and(eq(familyMembers.familyId, familyId), eq(familyMembers.name, meter.member)));
    const [measurement] = await tx
      .insert(measurements)
      .values({
        familyId,
        takenOn: addDays(municipalityDate(), -meter.daysAgo),
        occasion: meter.occasion,
        respondentVersion: meter.version,
        memberId: member!.id,
        recordedBy: guardianId,
        comment: meter.comment,
        createdAt: daysAgo(meter.daysAgo),
      })
      .returning({ id: measurements.id });
    await tx.insert(measurementScores).values(
      Object.entries(meter.scores).map(([domain, score]) => ({
        measurementId: measurement!.id,
        familyId,
        domain: domain as AssessmentDomain,
        score,
      })),
    );
  }
}
