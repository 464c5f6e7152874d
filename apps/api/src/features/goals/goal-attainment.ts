import { attainmentLevels, type Goal, type GoalAttainment } from '@yhdessa/shared';

/**
 * How the family's goals have gone: how many are open and how many ended each way, and for the
 * goals with attainment levels that ended (not dropped), how many attained each level.
 */
export function summarizeAttainment(goals: ReadonlyArray<Pick<Goal, 'status' | 'attainedLevel'>>): GoalAttainment {
  const withStatus = (status: Goal['status']) => goals.filter((goal) => goal.status === status).length;
  return {
    total: goals.length,
    open: withStatus('open'),
    reached: withStatus('reached'),
    partlyReached: withStatus('partly_reached'),
    notReached: withStatus('not_reached'),
    dropped: withStatus('dropped'),
    levels: attainmentLevels.map((level) => ({ level, count: goals.filter((goal) => goal.attainedLevel === level).length })),
  };
}
