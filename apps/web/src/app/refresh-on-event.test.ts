import { QueryClient, type QueryKey } from '@tanstack/react-query';
import type { FamilyEvent, FamilyEventType } from '@yhdessa/shared';
import { queryKeys } from '../lib/query-keys';
import { buildAction, buildPlan, familyId, testId } from '../test/fixtures';
import { refreshAfterEvent, refreshOnEvent } from './refresh-on-event';

const otherFamilyId = testId(101);

/** Every family part the table may name, cached and fresh, with another family's plan beside them. */
function cachedFamily(): QueryClient {
  const queryClient = new QueryClient();
  // The plan holds the action at version 1.
  queryClient.setQueryData(queryKeys.plan(familyId), buildPlan());
  for (const key of [
    queryKeys.family(familyId),
    queryKeys.notes(familyId),
    queryKeys.story(familyId),
    queryKeys.storyHistory(familyId),
    queryKeys.assessments(familyId),
    queryKeys.measurements(familyId),
    queryKeys.reviews(familyId),
    queryKeys.versions(familyId),
    queryKeys.versionComparison(familyId, 1, 2),
    queryKeys.consents(familyId),
    queryKeys.handover(familyId),
    queryKeys.serviceUsage(familyId),
    queryKeys.familyCosts(familyId),
    queryKeys.usageSummary(familyId),
    queryKeys.feedback(familyId),
    queryKeys.programEnrolments(familyId),
    queryKeys.declinedInvitations(familyId),
    queryKeys.plan(otherFamilyId),
    queryKeys.workspace,
  ])
    queryClient.setQueryData(key, {});
  return queryClient;
}

const event = (type: FamilyEventType, overrides: Partial<FamilyEvent> = {}): FamilyEvent => ({
  type,
  familyId,
  id: testId(900),
  version: 1,
  seq: 1,
  ...overrides,
});

const stale = (queryClient: QueryClient): QueryKey[] =>
  queryClient
    .getQueryCache()
    .getAll()
    .filter((query) => query.state.isInvalidated)
    .map((query) => query.queryKey);

describe('refresh on a live event', () => {
  it.each<[FamilyEventType, QueryKey[]]>([
    ['note.created', [queryKeys.plan(familyId), queryKeys.notes(familyId)]],
    [
      'review.updated',
      [
        queryKeys.plan(familyId),
        queryKeys.reviews(familyId),
        queryKeys.versions(familyId),
        queryKeys.versionComparison(familyId, 1, 2),
      ],
    ],
    [
      'plan.versioned',
      [
        queryKeys.plan(familyId),
        queryKeys.reviews(familyId),
        queryKeys.versions(familyId),
        queryKeys.versionComparison(familyId, 1, 2),
        queryKeys.measurements(familyId),
      ],
    ],
    ['story.commented', [queryKeys.plan(familyId), queryKeys.story(familyId), queryKeys.storyHistory(familyId)]],
    ['handover.requested', [queryKeys.plan(familyId), queryKeys.family(familyId)]],
    ['assessment.updated', [queryKeys.plan(familyId), queryKeys.assessments(familyId)]],
    ['consent.changed', [queryKeys.plan(familyId), queryKeys.consents(familyId), queryKeys.measurements(familyId)]],
    ['measurement.recorded', [queryKeys.plan(familyId), queryKeys.measurements(familyId)]],
    ['measurement.updated', [queryKeys.plan(familyId), queryKeys.measurements(familyId)]],
    ['goal.created', [queryKeys.plan(familyId)]],
    ['serviceRole.declined', [queryKeys.plan(familyId), queryKeys.declinedInvitations(familyId)]],
    ['serviceRole.invited', [queryKeys.plan(familyId), queryKeys.declinedInvitations(familyId)]],
    [
      'usage.updated',
      [
        queryKeys.plan(familyId),
        queryKeys.serviceUsage(familyId),
        queryKeys.familyCosts(familyId),
        queryKeys.usageSummary(familyId),
      ],
    ],
    ['feedback.answered', [queryKeys.plan(familyId), queryKeys.feedback(familyId)]],
    ['program.enrolled', [queryKeys.plan(familyId), queryKeys.programEnrolments(familyId)]],
    ['program.ended', [queryKeys.plan(familyId), queryKeys.programEnrolments(familyId)]],
  ])('when %s arrives, then the plan and only its own parts of that family are stale', (type, expected) => {
    const queryClient = cachedFamily();
    refreshAfterEvent(queryClient, event(type));
    expect(stale(queryClient)).toEqual(expect.arrayContaining(expected));
    expect(stale(queryClient)).toHaveLength(expected.length);
  });

  it('when an action change arrives that the plan already holds, then nothing is stale', () => {
    const queryClient = cachedFamily();
    refreshAfterEvent(queryClient, event('action.updated', { id: buildAction().id, version: 1 }));
    expect(stale(queryClient)).toEqual([]);
  });

  it('when a newer action change arrives, then the plan is stale', () => {
    const queryClient = cachedFamily();
    refreshAfterEvent(queryClient, event('action.updated', { id: buildAction().id, version: 2 }));
    expect(stale(queryClient)).toEqual([queryKeys.plan(familyId)]);
  });

  it.each(Object.keys(refreshOnEvent) as FamilyEventType[])(
    "when %s arrives, then that family's activity is stale, another family's is not",
    (type) => {
      const queryClient = cachedFamily();
      queryClient.setQueryData(queryKeys.activity(familyId), {});
      queryClient.setQueryData(queryKeys.activity(otherFamilyId), {});
      // Our own action change coming back leaves the plan as it is, not the activity.
      refreshAfterEvent(queryClient, event(type, { id: buildAction().id }));
      expect(stale(queryClient)).toContainEqual(queryKeys.activity(familyId));
      expect(stale(queryClient)).not.toContainEqual(queryKeys.activity(otherFamilyId));
    },
  );

  it('when the table is read, then every event type refetches the plan unless it already holds the action', () => {
    expect(Object.entries(refreshOnEvent).filter(([, refresh]) => refresh.plan !== 'refetch')).toEqual([
      ['action.updated', { plan: 'unlessCurrent', stale: [] }],
    ]);
  });
});
