import type { ActionStatus, Note, Plan, Review } from '@yhdessa/shared';
import { finnishToday } from '../../../lib/locale';

/** One thing that changed in what the family sees, newest first when listed. */
export type PlanChange =
  | { kind: 'action'; at: string; title: string; status: ActionStatus; serviceRoleId: string | null }
  | { kind: 'progress'; at: string; goal: string; value: string }
  | { kind: 'note'; at: string; author: string }
  | { kind: 'review'; at: string; scheduledOn: string };

/**
 * What changed after `since`, drawn only from what the server already gave this reader: the
 * plan, its notes and its reviews. Progress is dated by day, so a day's entries count from that day.
 */
export function changesSince(since: string, plan: Plan, notes: Note[], reviews: Review[]): PlanChange[] {
  const sinceDay = finnishToday(new Date(since));
  const actions = [...plan.familyActions, ...plan.serviceRoles.flatMap((role) => role.actions)];
  const changes: PlanChange[] = [
    ...actions
      .filter((action) => action.updatedAt > since)
      .map((action) => ({
        kind: 'action' as const,
        at: action.updatedAt,
        title: action.title,
        status: action.status,
        serviceRoleId: action.serviceRoleId,
      })),
    ...plan.goals.flatMap((goal) =>
      goal.progress
        .filter((entry) => entry.recordedOn >= sinceDay)
        .map((entry) => ({ kind: 'progress' as const, at: entry.recordedOn, goal: goal.title, value: entry.value })),
    ),
    ...notes
      .filter((note) => note.createdAt > since)
      .map((note) => ({ kind: 'note' as const, at: note.createdAt, author: note.author.name })),
    ...reviews.flatMap((review) =>
      review.completedAt && review.completedAt > since
        ? [{ kind: 'review' as const, at: review.completedAt, scheduledOn: review.scheduledOn }]
        : [],
    ),
  ];
  return changes.sort((a, b) => b.at.localeCompare(a.at));
}
