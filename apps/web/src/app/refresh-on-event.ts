import type { QueryClient, QueryKey } from '@tanstack/react-query';
import type { FamilyEvent, FamilyEventType, Plan } from '@yhdessa/shared';
import { findPlanAction } from '../features/actions/api/action-cache';
import { queryKeys } from '../lib/query-keys';

interface EventRefresh {
  /**
   * An event carries no case content, so the plan is never patched from it: it is read again
   * (`refetch`), or left as it is when it already holds the event's action at that version or
   * newer, usually our own change coming back (`unlessCurrent`).
   */
  plan: 'refetch' | 'unlessCurrent';
  /** The other cached parts of the family the event makes stale. */
  stale: readonly ((familyId: string) => QueryKey)[];
}

const planOnly: EventRefresh = { plan: 'refetch', stale: [] };
const caseDetail: EventRefresh = { plan: 'refetch', stale: [queryKeys.family] };
const reviews: EventRefresh = { plan: 'refetch', stale: [queryKeys.reviews, queryKeys.versions] };
const measurements: EventRefresh = { plan: 'refetch', stale: [queryKeys.measurements] };
const feedback: EventRefresh = { plan: 'refetch', stale: [queryKeys.feedback] };
const programEnrolments: EventRefresh = { plan: 'refetch', stale: [queryKeys.programEnrolments] };
/** A declined invitation stays on the plan, and names the service invited in its place. */
const invitations: EventRefresh = { plan: 'refetch', stale: [queryKeys.declinedInvitations] };

/**
 * What each live event makes stale. Every event refetches the plan, a withdrawn consent too:
 * what the user may still see can change with any of them. A new event type in
 * `@yhdessa/shared` fails the typecheck here until the client says what it refreshes.
 */
export const refreshOnEvent = {
  'action.updated': { plan: 'unlessCurrent', stale: [] },
  'action.created': planOnly,
  'action.commented': { plan: 'refetch', stale: [(familyId) => queryKeys.comments(familyId, 'action')] },
  // A withdrawn consent takes the measurements off an open screen too.
  'consent.changed': { plan: 'refetch', stale: [queryKeys.consents, queryKeys.measurements] },
  'serviceRole.ended': planOnly,
  'serviceRole.invited': invitations,
  'serviceRole.accepted': invitations,
  'serviceRole.declined': invitations,
  // Also when a service is kept from (or shown again to) the other services: the consents screen shows it.
  'serviceRole.updated': { plan: 'refetch', stale: [queryKeys.consents] },
  'goal.created': planOnly,
  'goal.updated': planOnly,
  'goalProgress.created': planOnly,
  // The event names the comment, not its goal or action: every thread of that kind is read again.
  'goal.commented': { plan: 'refetch', stale: [(familyId) => queryKeys.comments(familyId, 'goal')] },
  'note.created': { plan: 'refetch', stale: [queryKeys.notes] },
  'note.updated': { plan: 'refetch', stale: [queryKeys.notes] },
  'review.created': reviews,
  'review.updated': reviews,
  'agendaItem.created': reviews,
  // A completed review freezes a version and asks the family for a new wellbeing meter.
  'plan.versioned': { plan: 'refetch', stale: [...reviews.stale, queryKeys.measurements] },
  'family.created': caseDetail,
  'family.updated': caseDetail,
  'member.created': caseDetail,
  'member.updated': caseDetail,
  'handover.requested': caseDetail,
  'handover.accepted': caseDetail,
  'handover.declined': caseDetail,
  // The story's key covers its history too.
  'story.updated': { plan: 'refetch', stale: [queryKeys.story] },
  'story.commented': { plan: 'refetch', stale: [queryKeys.story] },
  'story.commentResolved': { plan: 'refetch', stale: [queryKeys.story] },
  'assessment.created': { plan: 'refetch', stale: [queryKeys.assessments] },
  'assessment.updated': { plan: 'refetch', stale: [queryKeys.assessments] },
  // The entries, the costs and the family's summary all follow from the usage.
  'usage.recorded': { plan: 'refetch', stale: [queryKeys.serviceUsageAll] },
  'usage.updated': { plan: 'refetch', stale: [queryKeys.serviceUsageAll] },
  'measurement.recorded': measurements,
  'measurement.updated': measurements,
  // Only the family and its coordinator hear of feedback: a new request, an answer, a permission given or taken back.
  'feedback.requested': feedback,
  'feedback.answered': feedback,
  'feedback.updated': feedback,
  // The family and its coordinator hear when the family joins or leaves a programme.
  'program.enrolled': programEnrolments,
  'program.ended': programEnrolments,
} satisfies Record<FamilyEventType, EventRefresh>;

/** Whether the cached plan already holds the event's action at the event's version or newer. */
function planIsCurrent(queryClient: QueryClient, event: FamilyEvent): boolean {
  const plan = queryClient.getQueryData<Plan>(queryKeys.plan(event.familyId));
  const cached = plan && findPlanAction(plan, event.id);
  return cached !== undefined && cached.version >= event.version;
}

/** Refetches what a live event made stale, by the table above. */
export function refreshAfterEvent(queryClient: QueryClient, event: FamilyEvent): void {
  const refresh: EventRefresh = refreshOnEvent[event.type];
  if (refresh.plan === 'refetch' || !planIsCurrent(queryClient, event))
    void queryClient.invalidateQueries({ queryKey: queryKeys.plan(event.familyId) });
  for (const staleKey of refresh.stale) void queryClient.invalidateQueries({ queryKey: staleKey(event.familyId) });
  // Every change is a line of the family's activity.
  void queryClient.invalidateQueries({ queryKey: queryKeys.activity(event.familyId) });
}
