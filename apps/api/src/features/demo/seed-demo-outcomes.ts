import { addDays } from '../../core/calendar-days';
import { randomUUID } from 'node:crypto';
import {
  assessmentDomains,
  FEEDBACK_SCORE_MAX,
  type AttainmentLevel,
  type AttainmentScale,
  type GoalStatus,
  type MemberRelation,
} from '@yhdessa/shared';
import type { Tx } from '../../db/database';
import { feedbackRequests } from '../../db/tables/feedback';
import { goals } from '../../db/tables/goals';
import { measurementScores, measurements } from '../../db/tables/measurements';
import { seededRandom } from './demo-figures';

/**
 * What the generated families' cases came to: their wellbeing meters, their answers when asked
 * about their experience at closing, and how their goals ended. Every figure, share and text here
 * is invented for the demo and shows no real municipality's results. Drawn from a generator of its
 * own, so the usage drawn before stays as it was. The generated families have no logins: they
 * answered on paper and their coordinator entered it, as the demo's consents on paper are.
 */

const OUTCOME_SEED = 20_261_206;
const BATCH = 1000;

/** One generated family's case, as the outcome generator needs it. */
export interface MunicipalityCase {
  familyId: string;
  coordinatorId: string;
  /** `YYYY-MM-DD`. */
  openedOn: string;
  /** The day the case closed; null while it is open. */
  closedOn: string | null;
  members: Array<{ id: string; relation: MemberRelation; birthYear: number }>;
}

/** Share of families that never fill in a meter, and months between meters while the case runs. */
const NO_METER_SHARE = 0.12;
const METER_EVERY_MONTHS = 6;
/** A young person (12-17) fills in the young version on the same day this often. */
const YOUNG_METER_SHARE = 0.35;
/** Each meter leaves a domain unscored this often (the young version more often). */
const SKIP_DOMAIN = { adult: 0.04, young: 0.2 };
/** A family's change per half-year on the 1-5 scale, low..high: better on average, not for every family. */
const HALF_YEAR_CHANGE: [number, number] = [-0.25, 0.85];

/** Share of closed families that answer the closing request; each question is skipped this often. */
const ANSWER_SHARE = 0.85;
const SKIP_QUESTION = 0.07;
const WORDS_SHARE = 0.4;
const COORDINATOR_MAY_SEE_SHARE = 0.5;

/** How goals end: reached, partly, not reached, dropped (cumulative shares). */
const endingShares: Array<[Exclude<GoalStatus, 'open'>, number]> = [
  ['reached', 0.4],
  ['partly_reached', 0.7],
  ['not_reached', 0.85],
  ['dropped', 1],
];
/** The level a scaled goal attained, by how it ended. */
const attainedLevels: Record<'reached' | 'partly_reached' | 'not_reached', AttainmentLevel[]> = {
  reached: [0, 0, 0, 1, 1, 2],
  partly_reached: [-1, -1, 0],
  not_reached: [-2, -2, -1],
};
const SCALED_GOAL_SHARE = 0.5;
/** An open family's goal has ended already this often. */
const OPEN_CASE_ENDED_GOAL_SHARE = 0.25;

/** Goal wordings the generated families use; the scale's five levels are the indicator's values, -2..+2. */
const goalTemplates: Array<{ title: string; indicator: string; baseline: string; target: string; levels: string[] }> = [
  {
    title: 'Aamut sujuvat ja lapsi pääsee kouluun ajoissa',
    indicator: 'Myöhästymiset viikossa',
    baseline: '4',
    target: '0–1',
    levels: ['4 tai enemmän', '2–3', '0–1', 'ei kahteen viikkoon', 'ei kuukauteen'],
  },
  {
    title: 'Lapsi käy koulua säännöllisesti',
    indicator: 'Koulupäivät viikossa',
    baseline: '2',
    target: '5',
    levels: ['0–1', '2–3', '4–5', '5 kuukauden ajan', '5 koko lukukauden'],
  },
  {
    title: 'Vanhempi jaksaa arjessa',
    indicator: 'Oma arvio jaksamisesta 1–10',
    baseline: '3',
    target: '7',
    levels: ['3 tai alle', '4–5', '6–7', '8', '9–10'],
  },
  {
    title: 'Perheellä on vakaa koti',
    indicator: 'Asumisen tilanne',
    baseline: 'väliaikainen',
    target: 'oma vuokra-asunto',
    levels: [
      'asunto menetetty',
      'väliaikainen',
      'vuokra-asunto haettu ja saatu',
      'asunto ja vuokrat ajallaan',
      'asunto ja säästöjä',
    ],
  },
  {
    title: 'Laskut maksetaan ajallaan',
    indicator: 'Myöhässä olevat laskut',
    baseline: '3',
    target: '0',
    levels: ['4 tai enemmän', '1–3', '0', '0 ja budjetti tehty', '0 ja puskuri säästössä'],
  },
  {
    title: 'Lapsella on harrastus ja kavereita',
    indicator: 'Harrastuskerrat viikossa',
    baseline: '0',
    target: '2',
    levels: ['0', '1', '2', '3', '3 ja kaveri harrastuksessa'],
  },
  {
    title: 'Vanhemmat saavat nukkua',
    indicator: 'Yöunen tunnit',
    baseline: '4',
    target: '7',
    levels: ['alle 4', '4–5', '6–7', '7–8', 'yli 8'],
  },
  {
    title: 'Riidat kotona vähenevät',
    indicator: 'Riitatilanteet viikossa',
    baseline: '5',
    target: '1',
    levels: ['5 tai enemmän', '2–4', '1', '0–1 kuukauden ajan', 'ei riitoja kuukauteen'],
  },
];

const feedbackWords = [
  'Kaikki olivat samassa palaverissa, eikä tarvinnut kertoa asioita moneen kertaan.',
  'Perhetyöntekijä oli tosi tärkeä meille.',
  'Alussa oli sekavaa, kuka hoitaa mitäkin, mutta se parani.',
  'Olisin toivonut tapaamisia useammin.',
  'Saimme apua nopeasti, kiitos.',
  'Samaa asiaa kysyttiin silti monesta paikasta.',
  'Oli helpompi, kun yksi ihminen piti langat käsissä.',
  'Lapsi sai äänensä kuuluviin.',
];

const DAY_MS = 24 * 60 * 60 * 1000;
function addMonths(day: string, months: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + months);
  return date.toISOString().slice(0, 10);
}
const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

async function insertInBatches<Row>(rows: Row[], insert: (batch: Row[]) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < rows.length; start += BATCH) await insert(rows.slice(start, start + BATCH));
}

/**
 * Seeds the cases' outcomes. Nothing is dated on `until` (the first day of this month) or after
 * it, so nothing is in the future.
 */
export async function seedMunicipalityOutcomes(tx: Tx, cases: MunicipalityCase[], until: string): Promise<void> {
  const random = seededRandom(OUTCOME_SEED);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const between = (low: number, high: number) => low + random() * (high - low);
  const dayBetween = (first: string, last: string) =>
    addDays(first, Math.floor((random() * (Date.parse(last) - Date.parse(first) + DAY_MS)) / DAY_MS));
  const lastDay = addDays(until, -1);

  const measurementRows: (typeof measurements.$inferInsert)[] = [];
  const scoreRows: (typeof measurementScores.$inferInsert)[] = [];
  const feedbackRows: (typeof feedbackRequests.$inferInsert)[] = [];
  const goalRows: (typeof goals.$inferInsert)[] = [];

  for (const { familyId, coordinatorId, openedOn, closedOn, members } of cases) {
    // The last day the case ran, within what has passed.
    const caseLastDay = closedOn && closedOn <= lastDay ? addDays(closedOn, -1) : lastDay;

    const meter = (
      memberId: string,
      takenOn: string,
      occasion: 'start' | 'own',
      version: 'adult' | 'young',
      scoreOf: (domainIndex: number) => number,
    ) => {
      const id = randomUUID();
      const scores = assessmentDomains.flatMap((domain, index) =>
        random() < SKIP_DOMAIN[version] ? [] : [{ measurementId: id, familyId, domain, score: scoreOf(index) }],
      );
      if (scores.length === 0) return;
      measurementRows.push({
        id,
        familyId,
        takenOn,
        occasion,
        respondentVersion: version,
        memberId,
        recordedBy: coordinatorId,
        createdAt: new Date(`${takenOn}T10:00:00Z`),
      });
      scoreRows.push(...scores);
    };
    if (random() >= NO_METER_SHARE) {
      const guardian = members.find((member) => member.relation === 'guardian')!;
      const baseline = assessmentDomains.map(() => clamp(Math.round(between(1, 4.2)), 1, 4));
      const change = between(...HALF_YEAR_CHANGE);
      // One domain goes the other way for a while (money, housing...), as it does in life.
      const worsening = Math.floor(random() * assessmentDomains.length);
      for (let step = 0; ; step++) {
        const takenOn =
          step === 0
            ? addDays(openedOn, 3 + Math.floor(random() * 18))
            : addDays(addMonths(openedOn, step * METER_EVERY_MONTHS), -10 + Math.floor(random() * 21));
        if (takenOn > caseLastDay) break;
        const level = (index: number) =>
          clamp(Math.round(baseline[index]! + (index === worsening ? -0.3 : change) * step + between(-0.7, 0.7)), 1, 5);
        const occasion = step === 0 ? 'start' : 'own';
        meter(guardian.id, takenOn, occasion, 'adult', level);
        const age = Number(takenOn.slice(0, 4));
        const young = members.find(
          (member) => member.relation === 'child' && age - member.birthYear >= 12 && age - member.birthYear <= 17,
        );
        if (young && random() < YOUNG_METER_SHARE)
          meter(young.id, takenOn, occasion, 'young', (index) => clamp(level(index) + (random() < 0.3 ? 1 : 0), 1, 5));
      }
    }

    if (closedOn) {
      const openedAt = new Date(`${closedOn}T09:00:00Z`);
      const answeredOn = addDays(closedOn, 1 + Math.floor(random() * 20));
      // A case closed this month has not been answered yet.
      const answers = random() < ANSWER_SHARE && answeredOn <= lastDay;
      // Most families are content and a few are not: a family's mood, then each question around it.
      const mood = FEEDBACK_SCORE_MAX - random() ** 2 * 8;
      const score = () => (random() < SKIP_QUESTION ? null : clamp(Math.round(mood + between(-1.5, 1.5)), 0, FEEDBACK_SCORE_MAX));
      feedbackRows.push(
        answers
          ? {
              familyId,
              occasion: 'closing',
              openedAt,
              answeredAt: new Date(`${answeredOn}T17:00:00Z`),
              answeredBy: coordinatorId,
              workedTogether: score(),
              noRetelling: score(),
              wouldRecommend: score(),
              words: random() < WORDS_SHARE ? pick(feedbackWords) : '',
              coordinatorMaySee: random() < COORDINATOR_MAY_SEE_SHARE,
            }
          : { familyId, occasion: 'closing', openedAt },
      );
    }

    const goalCount = 1 + Math.floor(random() * 3);
    for (let goal = 0; goal < goalCount; goal++) {
      const template = pick(goalTemplates);
      const scaled = random() < SCALED_GOAL_SHARE;
      // A goal runs two months at least, unless the case closed sooner: then it ended with the case.
      const twoMonths = addDays(openedOn, 60);
      const earliestEnd = closedOn && twoMonths > caseLastDay ? caseLastDay : twoMonths;
      const ends = earliestEnd <= caseLastDay && (closedOn !== null || random() < OPEN_CASE_ENDED_GOAL_SHARE);
      const drawn = random();
      const status = ends ? endingShares.find(([, share]) => drawn < share)![0] : 'open';
      const scale: AttainmentScale | null = scaled
        ? {
            muchLess: `${template.indicator}: ${template.levels[0]}`,
            less: `${template.indicator}: ${template.levels[1]}`,
            expected: `${template.indicator}: ${template.levels[2]}`,
            more: `${template.indicator}: ${template.levels[3]}`,
            muchMore: `${template.indicator}: ${template.levels[4]}`,
          }
        : null;
      goalRows.push({
        familyId,
        title: template.title,
        indicator: template.indicator,
        baseline: template.baseline,
        target: template.target,
        targetOn: addMonths(openedOn, 3 + Math.floor(random() * 10)),
        status,
        endedOn: status === 'open' ? null : dayBetween(earliestEnd, caseLastDay),
        attainmentScale: scale,
        attainedLevel: scale && status !== 'open' && status !== 'dropped' ? pick(attainedLevels[status]) : null,
        createdAt: new Date(`${openedOn}T09:00:00Z`),
      });
    }
  }

  await insertInBatches(goalRows, (batch) => tx.insert(goals).values(batch));
  await insertInBatches(measurementRows, (batch) => tx.insert(measurements).values(batch));
  await insertInBatches(scoreRows, (batch) => tx.insert(measurementScores).values(batch));
  await insertInBatches(feedbackRows, (batch) => tx.insert(feedbackRequests).values(batch));
}
