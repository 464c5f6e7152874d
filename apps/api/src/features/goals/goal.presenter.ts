import { attainmentLevelSchema, attainmentScaleSchema, type Goal } from '@yhdessa/shared';
import type { GoalProgressRow, GoalRow } from './goals.repository';

export function presentGoal(row: GoalRow, progress: readonly GoalProgressRow[]): Goal {
  return {
    id: row.id,
    title: row.title,
    ownerName: row.ownerName,
    indicator: row.indicator,
    baseline: row.baseline,
    target: row.target,
    targetOn: row.targetOn,
    status: row.status,
    endedOn: row.endedOn,
    // jsonb keeps its keys in its own order; the scale reads back in the order of its levels.
    attainmentScale: row.attainmentScale && attainmentScaleSchema.parse(row.attainmentScale),
    // A smallint column: the table's check keeps it within -2..+2, the parse says so to the type.
    attainedLevel: attainmentLevelSchema.nullable().parse(row.attainedLevel),
    version: row.version,
    progress: progress
      .filter((entry) => entry.goalId === row.id)
      .map((entry) => ({
        id: entry.id,
        recordedOn: entry.recordedOn,
        value: entry.value,
        note: entry.note,
        recordedBy: { id: entry.recordedById, name: entry.recordedByName },
      })),
  };
}
