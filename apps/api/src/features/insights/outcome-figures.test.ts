import type { CostCell, OutcomeCell } from '@yhdessa/shared';
import {
  buildOutcomeGroup,
  indexOutcomes,
  type ExperienceAnswer,
  type GoalEnding,
  type OutcomeGroupSource,
  type WellbeingChange,
} from './outcome-figures';

const shown = (value: number | null, families: number): OutcomeCell => ({ suppressed: false, value, families });
const hidden: OutcomeCell = { suppressed: true, value: null, families: null };
const cost = (costCents: number, families: number): CostCell => ({ suppressed: false, costCents, families });
const families = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `f${from + i}`);

const change = (familyId: string, year: number, changes: WellbeingChange['changes'], improved: boolean): WellbeingChange => ({
  familyId,
  year,
  changes,
  improved,
});
const ending = (familyId: string, status: GoalEnding['status'], endedOn: string, attainedLevel: number | null = null) => ({
  familyId,
  status,
  endedOn,
  attainedLevel,
});
const answer = (
  familyId: string,
  answeredOn: string,
  scores: [number | null, number | null, number | null],
): ExperienceAnswer => ({
  familyId,
  answeredOn,
  workedTogether: scores[0],
  noRetelling: scores[1],
  wouldRecommend: scores[2],
});

/**
 * 2024: f1-f5 reached a goal (levels 0, 1, 2, 0, 0) and f6-f10 did not. 2025: f1-f6 reached one, f1-f5 partly, f6-f10
 * did not, f7 and f8 dropped one; six families measured twice, f1-f5 improved; six answers.
 */
const endings: GoalEnding[] = [
  ...families(1, 5).map((id, i) => ending(id, 'reached', '2024-06-01', [0, 1, 2, 0, 0][i]!)),
  ...families(6, 10).map((id) => ending(id, 'not_reached', '2024-06-01')),
  ...families(1, 6).map((id) => ending(id, 'reached', '2025-03-01')),
  ...families(1, 5).map((id) => ending(id, 'partly_reached', '2025-03-01')),
  ...families(6, 10).map((id) => ending(id, 'not_reached', '2025-03-01')),
  ...families(7, 8).map((id) => ending(id, 'dropped', '2025-12-31')),
];
const changes: WellbeingChange[] = [
  ...families(1, 5).map((id, i) => change(id, 2025, { 'daily-life': [1, 1, 2, 0, -1][i]!, housing: 1 }, true)),
  change('f6', 2025, { 'daily-life': 3 }, false),
  ...families(11, 14).map((id) => change(id, 2025, { safety: 0 }, false)),
];
const answers: ExperienceAnswer[] = [
  answer('f1', '2025-02-01', [8, 6, 10]),
  answer('f2', '2025-02-01', [8, 7, 9]),
  answer('f3', '2025-02-01', [8, 8, 9]),
  answer('f4', '2025-02-01', [8, 9, 7]),
  answer('f5', '2025-02-01', [8, 10, 5]),
  answer('f6', '2025-02-01', [8, null, null]),
];
const everyone = (costs: Record<string, CostCell>): OutcomeGroupSource => ({
  kind: 'municipality',
  label: { fi: 'Kunta' },
  includes: () => true,
  costOf: (year) => costs[String(year ?? 'all')]!,
});
const costs = { 2024: cost(1_000_000, 8), 2025: cost(1_200_000, 10), all: cost(2_200_000, 12) };

describe('outcome figures of a group', () => {
  const group = buildOutcomeGroup(everyone(costs), [2024, 2025], indexOutcomes({ changes, endings, answers }));
  const [y2024, y2025, all] = group.periods;

  it('when goals ended in a year, then they are counted by ending, with the attainment rate and the mean attained level', () => {
    expect(group.periods.map((period) => period.year)).toEqual([2024, 2025, null]);
    expect(y2024!.goals).toEqual({
      reached: shown(5, 5),
      partlyReached: shown(0, 0),
      notReached: shown(5, 5),
      dropped: shown(0, 0),
      ended: shown(10, 10),
      // 5 reached of 10 ended, not dropped; levels (0 + 1 + 2 + 0 + 0) / 5.
      attainmentRate: shown(50, 10),
      meanAttainedLevel: shown(0.6, 5),
    });
  });

  it('when two families dropped a goal, then that count is hidden, and so is what would give it away through a total', () => {
    // Dropped (2 families) is hidden; 18 ended - 16 not dropped would tell it, so the 16 is hidden (the smaller);
    // then 6 + 5 + 5 = 16 has one hidden, so the smaller partly reached (5) is hidden too. The rate (reached / 16)
    // would tell the 16, so it is hidden with it, and so is the mean level of those goals.
    expect(y2025!.goals).toEqual({
      reached: shown(6, 6),
      partlyReached: hidden,
      notReached: shown(5, 5),
      dropped: hidden,
      ended: shown(18, 10),
      attainmentRate: hidden,
      meanAttainedLevel: hidden,
    });
    // Every year: the same hidden figures, as 2024's shown ones subtracted would tell them.
    expect(all!.goals).toMatchObject({ reached: shown(11, 6), partlyReached: hidden, dropped: hidden, ended: shown(28, 10) });
  });

  it('when ten families were measured twice, then the share improved and the mean change per domain show, a domain of four hidden', () => {
    expect(y2025!.wellbeing).toMatchObject({ measured: shown(10, 10), improved: shown(5, 5), improvedShare: shown(50, 10) });
    const domains = Object.fromEntries(y2025!.wellbeing.domains.map((domain) => [domain.domain, domain.meanChange]));
    // daily-life: (1 + 1 + 2 + 0 - 1 + 3) / 6; housing: five families, parenting: none.
    expect(domains).toMatchObject({ 'daily-life': shown(1, 6), housing: shown(1, 5), parenting: shown(null, 0) });
    expect(y2024!.wellbeing).toMatchObject({ measured: shown(0, 0), improvedShare: shown(null, 0) });
  });

  it('when families answered, then each question has its mean and the recommend score is the share of 9-10 minus that of 0-6', () => {
    // Would recommend 10, 9, 9, 7, 5: (3 - 1) / 5 = 40 points; its mean 8.
    expect(y2025!.experience).toEqual({
      answers: shown(6, 6),
      workedTogether: shown(8, 6),
      noRetelling: shown(8, 5),
      wouldRecommend: shown(8, 5),
      recommendScore: shown(40, 5),
    });
  });

  it('when the group cost something, then the cost per goal reached and per family improved divide it, none without outcomes', () => {
    expect(group.periods.map((period) => period.costPerOutcome)).toEqual([
      { cost: costs[2024], costPerGoalReached: shown(200_000, 5), costPerFamilyImproved: shown(null, 0) },
      { cost: costs[2025], costPerGoalReached: shown(200_000, 6), costPerFamilyImproved: shown(240_000, 5) },
      { cost: costs.all, costPerGoalReached: shown(200_000, 6), costPerFamilyImproved: shown(440_000, 5) },
    ]);
  });

  it('when the cost tables hide a cost, then its cost per outcome is hidden too', () => {
    const hiddenCost: CostCell = { suppressed: true, costCents: null, families: null };
    const [, withHiddenCost] = buildOutcomeGroup(
      everyone({ ...costs, 2025: hiddenCost }),
      [2024, 2025],
      indexOutcomes({ changes, endings, answers }),
    ).periods;
    expect(withHiddenCost!.costPerOutcome).toEqual({
      cost: hiddenCost,
      costPerGoalReached: hidden,
      costPerFamilyImproved: hidden,
    });
  });
});

describe('suppression of outcome figures', () => {
  it('when six of seven families improved, then how many improved is hidden: it would tell of the one that did not', () => {
    const sevenMeasured = [
      ...families(1, 6).map((id) => change(id, 2025, { housing: 1 }, true)),
      change('f7', 2025, { housing: 0 }, false),
    ];
    const [y2025] = buildOutcomeGroup(
      everyone({ 2025: cost(0, 0), all: cost(0, 0) }),
      [2025],
      indexOutcomes({ changes: sevenMeasured, endings: [], answers: [] }),
    ).periods;
    expect(y2025!.wellbeing).toMatchObject({ measured: shown(7, 7), improved: hidden, improvedShare: hidden });
    expect(y2025!.costPerOutcome.costPerFamilyImproved).toEqual(hidden);
  });

  it('when a service was used by four families, then none of their figures is told', () => {
    const service: OutcomeGroupSource = {
      kind: 'service',
      label: { fi: 'Perhetyö' },
      includes: (familyId, year) => year === 2025 && families(1, 4).includes(familyId),
      costOf: () => cost(400_000, 4),
    };
    const [, y2025, all] = buildOutcomeGroup(service, [2024, 2025], indexOutcomes({ changes, endings, answers })).periods;
    for (const period of [y2025!, all!]) {
      expect(period.wellbeing).toMatchObject({ measured: hidden, improved: hidden, improvedShare: hidden });
      expect(period.wellbeing.domains.every((domain) => domain.meanChange.suppressed)).toBe(true);
      // Goals not reached and dropped: none, which tells nothing and shows.
      expect(period.goals).toEqual({
        reached: hidden,
        partlyReached: hidden,
        notReached: shown(0, 0),
        dropped: shown(0, 0),
        ended: hidden,
        attainmentRate: hidden,
        meanAttainedLevel: hidden,
      });
      expect(Object.values(period.experience).every((cell) => cell.suppressed)).toBe(true);
      expect(period.costPerOutcome).toMatchObject({ costPerGoalReached: hidden, costPerFamilyImproved: hidden });
    }
  });

  it('when three families answered in one year, then that year is hidden and the next-smallest year too, as every year would give it away', () => {
    const fewer = [...answers, ...families(7, 9).map((id) => answer(id, '2024-05-01', [10, 10, 10]))];
    const [y2024, y2025, all] = buildOutcomeGroup(
      everyone(costs),
      [2024, 2025],
      indexOutcomes({ changes, endings, answers: fewer }),
    ).periods.map((period) => period.experience);
    expect(y2024).toEqual({
      answers: hidden,
      workedTogether: hidden,
      noRetelling: hidden,
      wouldRecommend: hidden,
      recommendScore: hidden,
    });
    // 9 answers in all - 6 in 2025 would tell 2024's three, so 2025 is hidden with every figure of it.
    expect(y2025!.answers).toEqual(hidden);
    expect(y2025!.recommendScore).toEqual(hidden);
    // Every year together is drawn from nine families: (8 * 6 + 30) / 9 worked together.
    expect(all).toMatchObject({ answers: shown(9, 9), workedTogether: shown(8.67, 9) });
  });
});
