import {
  assessmentDomains,
  type AssessmentDomain,
  type CostCell,
  type CostPerOutcome,
  type ExperienceFigures,
  type GoalFigures,
  type LocalizedText,
  type OutcomeCell,
  type OutcomeGroup,
  type WellbeingFigures,
} from '@yhdessa/shared';
import { suppressFigures, type FigureFacts } from './suppression';

/** A goal that ended, and how. */
export interface GoalEnding {
  familyId: string;
  status: 'reached' | 'partly_reached' | 'not_reached' | 'dropped';
  /** `YYYY-MM-DD`. */
  endedOn: string;
  /** -2..+2 for a goal with an attainment scale that ended, not dropped; else null. */
  attainedLevel: number | null;
}

/** One answer to the experience questions (0-10 each, null when skipped). */
export interface ExperienceAnswer {
  familyId: string;
  /** The day answered in Finland, `YYYY-MM-DD`. */
  answeredOn: string;
  workedTogether: number | null;
  noRetelling: number | null;
  wouldRecommend: number | null;
}

/**
 * A family's change from its baseline meter to its latest follow-up, counted in the follow-up's
 * year: outcomes.repository.ts works it out in the database.
 */
export interface WellbeingChange {
  familyId: string;
  year: number;
  /** Latest minus baseline, for each domain answered in both. */
  changes: Partial<Record<AssessmentDomain, number>>;
  improved: boolean;
}

/**
 * Whose outcomes a group's figures count: a family's outcome of a year counts when the family is in
 * the group that year. `costOf` is what the group's services cost in a year (null: every year), as
 * the cost tables publish it.
 */
export interface OutcomeGroupSource {
  kind: OutcomeGroup['kind'];
  label: LocalizedText;
  includes: (familyId: string, year: number) => boolean;
  /** Every family `includes` may take, when the group knows them: only their outcomes are looked at. */
  candidates?: ReadonlySet<string>;
  costOf: (year: number | null) => CostCell;
}

export interface Outcomes {
  changes: readonly WellbeingChange[];
  endings: readonly GoalEnding[];
  answers: readonly ExperienceAnswer[];
}

/**
 * The outcomes with, per family, where its own are: a group that names its candidate families
 * looks at theirs alone. Thousands of service groups over a hundred thousand families would
 * otherwise ask each group about every outcome.
 */
export interface IndexedOutcomes extends Outcomes {
  positions: Map<string, { changes: number[]; endings: number[]; answers: number[] }>;
}

export function indexOutcomes(outcomes: Outcomes): IndexedOutcomes {
  const positions: IndexedOutcomes['positions'] = new Map();
  const of = (familyId: string) => {
    let found = positions.get(familyId);
    if (!found) positions.set(familyId, (found = { changes: [], endings: [], answers: [] }));
    return found;
  };
  outcomes.changes.forEach((item, index) => of(item.familyId).changes.push(index));
  outcomes.endings.forEach((item, index) => of(item.familyId).endings.push(index));
  outcomes.answers.forEach((item, index) => of(item.familyId).answers.push(index));
  return { ...outcomes, positions };
}

/** The candidates' outcomes, in the order of all outcomes (so sums and means come out as over all). */
function outcomesOf(outcomes: IndexedOutcomes, candidates: ReadonlySet<string> | undefined): Outcomes {
  if (!candidates) return outcomes;
  const pick = <T>(all: readonly T[], kind: 'changes' | 'endings' | 'answers') =>
    [...candidates]
      .flatMap((familyId) => outcomes.positions.get(familyId)?.[kind] ?? [])
      .sort((a, b) => a - b)
      .map((index) => all[index]!);
  return {
    changes: pick(outcomes.changes, 'changes'),
    endings: pick(outcomes.endings, 'endings'),
    answers: pick(outcomes.answers, 'answers'),
  };
}

const yearOf = (day: string) => Number(day.slice(0, 4));

/**
 * The figures of one group, suppressed together. Every figure is registered with the families it
 * is drawn from; counts that add up (a year's endings to its total, the years to every year) are
 * registered as lines, so a hidden count cannot be worked out from the rest. A rate, share or
 * mean is hidden with the counts it could give away (a rate times its count is the count of
 * reached goals), and so is every figure of a year whose count is hidden.
 */
class FigureBook {
  private readonly index = new Map<string, number>();
  private readonly facts: FigureFacts[] = [];
  private readonly values: (number | null)[] = [];
  private readonly lines: number[][] = [];
  private hidden: boolean[] = [];

  add(key: string, familyIds: readonly string[], value: number | null) {
    this.index.set(key, this.facts.length);
    this.facts.push({ families: new Set(familyIds).size, value: value ?? 0 });
    this.values.push(value);
  }

  line(keys: readonly string[]) {
    this.lines.push(keys.map((key) => this.index.get(key)!));
  }

  seal() {
    this.hidden = suppressFigures(this.facts, this.lines);
  }

  isHidden(key: string) {
    return this.hidden[this.index.get(key)!]!;
  }

  /** The figure, hidden when it or any figure it is tied to is. */
  cell(key: string, ...ties: string[]): OutcomeCell {
    if ([key, ...ties].some((each) => this.isHidden(each))) return hiddenCell;
    const at = this.index.get(key)!;
    return { suppressed: false, value: this.values[at]!, families: this.facts[at]!.families };
  }
}

const hiddenCell: OutcomeCell = { suppressed: true, value: null, families: null };
const round = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;
const meanOf = (values: readonly number[]) =>
  values.length === 0 ? null : round(values.reduce((sum, value) => sum + value, 0) / values.length, 2);
const percentOf = (part: number, whole: number) => (whole === 0 ? null : round((part / whole) * 100, 1));

const endings = ['reached', 'partly_reached', 'not_reached', 'dropped'] as const;
const questions = ['workedTogether', 'noRetelling', 'wouldRecommend'] as const;

/** The outcomes of one group in each year (oldest first) and in every year together. */
export function buildOutcomeGroup(group: OutcomeGroupSource, years: readonly number[], all: IndexedOutcomes): OutcomeGroup {
  const periods = [...years.map(String), 'all'];
  const inPeriod = (year: number, period: string) => period === 'all' || period === String(year);
  const outcomes = outcomesOf(all, group.candidates);
  const changes = outcomes.changes.filter((change) => group.includes(change.familyId, change.year));
  const ended = outcomes.endings.filter((ending) => group.includes(ending.familyId, yearOf(ending.endedOn)));
  const answers = outcomes.answers.filter((answer) => group.includes(answer.familyId, yearOf(answer.answeredOn)));
  const families = (items: readonly { familyId: string }[]) => items.map((item) => item.familyId);

  const book = new FigureBook();
  for (const period of periods) {
    const measured = changes.filter((change) => inPeriod(change.year, period));
    const improved = measured.filter((change) => change.improved);
    book.add(`${period}|measured`, families(measured), measured.length);
    book.add(`${period}|improved`, families(improved), improved.length);
    // Those not improved are a figure too: "6 of 7 improved" tells of the one family that did not.
    const notImproved = measured.filter((change) => !change.improved);
    book.add(`${period}|notImproved`, families(notImproved), notImproved.length);
    for (const domain of assessmentDomains) {
      const answered = measured.filter((change) => change.changes[domain] !== undefined);
      book.add(`${period}|${domain}`, families(answered), meanOf(answered.map((change) => change.changes[domain]!)));
    }

    const goals = ended.filter((ending) => inPeriod(yearOf(ending.endedOn), period));
    for (const status of endings) {
      const these = goals.filter((ending) => ending.status === status);
      book.add(`${period}|${status}`, families(these), these.length);
    }
    const counted = goals.filter((ending) => ending.status !== 'dropped');
    book.add(`${period}|counted`, families(counted), counted.length);
    book.add(`${period}|ended`, families(goals), goals.length);
    const reached = counted.filter((ending) => ending.status === 'reached').length;
    book.add(`${period}|rate`, families(counted), percentOf(reached, counted.length));
    const scaled = counted.filter((ending) => ending.attainedLevel !== null);
    book.add(`${period}|level`, families(scaled), meanOf(scaled.map((ending) => ending.attainedLevel!)));

    const answered = answers.filter((answer) => inPeriod(yearOf(answer.answeredOn), period));
    book.add(`${period}|answers`, families(answered), answered.length);
    for (const question of questions) {
      const given = answered.filter((answer) => answer[question] !== null);
      book.add(`${period}|${question}`, families(given), meanOf(given.map((answer) => answer[question]!)));
    }
    const scores = answered.flatMap((answer) => (answer.wouldRecommend === null ? [] : [answer.wouldRecommend]));
    const promoters = scores.filter((score) => score >= 9).length;
    const detractors = scores.filter((score) => score <= 6).length;
    const recommendScore = scores.length === 0 ? null : round(((promoters - detractors) / scores.length) * 100, 1);
    book.add(`${period}|recommendScore`, families(answered.filter((answer) => answer.wouldRecommend !== null)), recommendScore);
  }
  // The years add up to every year; a year's endings add up to its counted goals and its total.
  for (const count of ['measured', 'improved', 'notImproved', ...endings, 'counted', 'ended', 'answers'])
    book.line(periods.map((period) => `${period}|${count}`));
  for (const period of periods) {
    const at = (name: string) => `${period}|${name}`;
    book.line([at('improved'), at('notImproved'), at('measured')]);
    book.line([at('reached'), at('partly_reached'), at('not_reached'), at('counted')]);
    book.line([at('counted'), at('dropped'), at('ended')]);
    book.line([...endings.map(at), at('ended')]);
  }
  book.seal();

  return {
    kind: group.kind,
    label: group.label,
    periods: periods.map((period) => {
      const at = (name: string) => `${period}|${name}`;
      const wellbeing: WellbeingFigures = {
        measured: book.cell(at('measured')),
        improved: book.cell(at('improved'), at('measured')),
        improvedShare: shareCell(book, at('improved'), at('measured')),
        domains: assessmentDomains.map((domain) => ({ domain, meanChange: book.cell(at(domain), at('measured')) })),
      };
      const goals: GoalFigures = {
        reached: book.cell(at('reached')),
        partlyReached: book.cell(at('partly_reached')),
        notReached: book.cell(at('not_reached')),
        dropped: book.cell(at('dropped')),
        ended: book.cell(at('ended')),
        attainmentRate: book.cell(at('rate'), at('reached'), at('counted')),
        meanAttainedLevel: book.cell(at('level'), at('counted')),
      };
      const experience: ExperienceFigures = {
        answers: book.cell(at('answers')),
        workedTogether: book.cell(at('workedTogether'), at('answers')),
        noRetelling: book.cell(at('noRetelling'), at('answers')),
        wouldRecommend: book.cell(at('wouldRecommend'), at('answers')),
        recommendScore: book.cell(at('recommendScore'), at('answers')),
      };
      const cost = group.costOf(period === 'all' ? null : Number(period));
      const costPerOutcome: CostPerOutcome = {
        cost,
        costPerGoalReached: costPer(cost, book.cell(at('reached'))),
        costPerFamilyImproved: costPer(cost, wellbeing.improved),
      };
      return { year: period === 'all' ? null : Number(period), wellbeing, goals, experience, costPerOutcome };
    }),
  };
}

/** A count's share of another, in per cent: hidden with either. */
function shareCell(book: FigureBook, part: string, whole: string): OutcomeCell {
  const [of, all] = [book.cell(part, whole), book.cell(whole)];
  if (of.suppressed || all.suppressed) return hiddenCell;
  return { suppressed: false, value: percentOf(of.value!, all.value!), families: all.families };
}

/** A cost divided by the outcomes reached, in whole cents: hidden with either, null with no outcome. */
function costPer(cost: CostCell, outcomes: OutcomeCell): OutcomeCell {
  if (cost.suppressed || outcomes.suppressed) return hiddenCell;
  return {
    suppressed: false,
    value: outcomes.value === 0 ? null : Math.round(cost.costCents / outcomes.value!),
    families: outcomes.families,
  };
}
