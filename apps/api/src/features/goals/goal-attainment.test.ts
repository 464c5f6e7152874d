import type { Goal } from '@yhdessa/shared';
import { summarizeAttainment } from './goal-attainment';

type Outcome = Pick<Goal, 'status' | 'attainedLevel'>;
const goal = (status: Goal['status'], attainedLevel: Goal['attainedLevel'] = null): Outcome => ({ status, attainedLevel });

describe('summarizeAttainment', () => {
  it('when a family has goals of every kind, then each ending and each attained level is counted once', () => {
    const goals: Outcome[] = [
      goal('reached', 0),
      goal('reached', 2),
      goal('reached'),
      goal('partly_reached', -1),
      goal('not_reached', -2),
      goal('not_reached'),
      goal('dropped'),
      goal('open'),
      goal('open'),
    ];
    expect(summarizeAttainment(goals)).toEqual({
      total: 9,
      open: 2,
      reached: 3,
      partlyReached: 1,
      notReached: 2,
      dropped: 1,
      levels: [
        { level: -2, count: 1 },
        { level: -1, count: 1 },
        { level: 0, count: 1 },
        { level: 1, count: 0 },
        { level: 2, count: 1 },
      ],
    });
  });

  it('when there are no goals, then everything is zero', () => {
    const summary = summarizeAttainment([]);
    expect([summary.total, summary.open, ...summary.levels.map((entry) => entry.count)]).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });
});
