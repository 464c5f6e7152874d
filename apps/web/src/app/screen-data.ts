import type { QueryClient } from '@tanstack/react-query';
import { currentUserQueryOptions } from '../features/auth/api/current-user.query';
import { familiesQueryOptions } from '../features/families/api/families.query';
import { feedbackQueryOptions } from '../features/feedback/api/feedback.query';
import { measurementsQueryOptions } from '../features/measurements/api/measurements.query';
import { notesQueryOptions } from '../features/notes/api/notes.query';
import { planQueryOptions } from '../features/plans/api/plan.query';
import { reviewsQueryOptions } from '../features/reviews/api/reviews.query';

/*
 * What a screen reads first, asked for by its route as soon as the address is known: beside the
 * screen's code, not after it has come and been drawn. The screens read the same caches. A failure
 * here is the screen's to show (its own query fails the same way), so it is not reported twice.
 */

/**
 * "/": a family member reads their families, and with one family goes on to its plan
 * (home.route.tsx); the plan is where nearly every family member goes, so its code is fetched
 * beside their families. The other roles' homes read other things (families.route.tsx).
 */
export function prefetchHome(queryClient: QueryClient): void {
  queryClient
    .fetchQuery(currentUserQueryOptions())
    .then(async (user) => {
      if (user?.role !== 'family') return;
      import('./routes/plan.route').catch(() => undefined);
      const [only, ...others] = await queryClient.fetchQuery(familiesQueryOptions());
      if (only && others.length === 0) prefetchPlan(queryClient, only.id);
    })
    .catch(() => undefined);
}

/** A family's plan; for a family member, also what its home shows beside the plan (plan.route.tsx). */
export function prefetchPlan(queryClient: QueryClient, familyId: string): void {
  void queryClient.prefetchQuery(planQueryOptions(familyId));
  queryClient
    .fetchQuery(currentUserQueryOptions())
    .then((user) => {
      if (user?.role !== 'family') return;
      void queryClient.prefetchQuery(familiesQueryOptions());
      void queryClient.prefetchQuery(feedbackQueryOptions(familyId));
      void queryClient.prefetchQuery(measurementsQueryOptions(familyId));
      void queryClient.prefetchInfiniteQuery(notesQueryOptions(familyId));
      void queryClient.prefetchQuery(reviewsQueryOptions(familyId));
    })
    .catch(() => undefined);
}
