import { useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, useEffect } from 'react';
import { Navigate } from 'react-router';
import { LoadingState } from '../../components/loading-state';
import { currentUserQueryOptions } from '../../features/auth/api/current-user.query';
import { familiesQueryOptions } from '../../features/families/api/families.query';
import { feedbackQueryOptions } from '../../features/feedback/api/feedback.query';
import { measurementsQueryOptions } from '../../features/measurements/api/measurements.query';
import { notesQueryOptions } from '../../features/notes/api/notes.query';
import { planQueryOptions } from '../../features/plans/api/plan.query';
import { reviewsQueryOptions } from '../../features/reviews/api/reviews.query';
import { paths } from '../../lib/paths';

// The workspace and the lists are the professionals' (and a family member's with several families):
// a family member with one family never fetches their code.
const FamiliesRoute = lazy(() => import('./families.route').then((m) => ({ default: m.FamiliesRoute })));

/** "/": a family member with one family goes straight to its plan; everyone else gets the families screen. */
export function HomeRoute() {
  const currentUser = useQuery(currentUserQueryOptions());
  if (currentUser.data?.role === 'family') return <FamilyMemberHome />;
  return <FamiliesRoute />;
}

function FamilyMemberHome() {
  const queryClient = useQueryClient();
  const families = useQuery(familiesQueryOptions());
  const [only, ...others] = families.data ?? [];
  const onlyFamilyId = only && others.length === 0 ? only.id : undefined;
  // The plan is where nearly every family member goes: its code comes while their families are read,
  // and the plan itself is asked for as soon as it is known which, not after the plan's code has come.
  useEffect(() => {
    import('./plan.route').catch(() => undefined);
  }, []);
  useEffect(() => {
    if (!onlyFamilyId) return;
    // With what the family's home shows beside it (plan.route.tsx).
    void queryClient.prefetchQuery(planQueryOptions(onlyFamilyId));
    void queryClient.prefetchQuery(feedbackQueryOptions(onlyFamilyId));
    void queryClient.prefetchQuery(measurementsQueryOptions(onlyFamilyId));
    void queryClient.prefetchInfiniteQuery(notesQueryOptions(onlyFamilyId));
    void queryClient.prefetchQuery(reviewsQueryOptions(onlyFamilyId));
  }, [queryClient, onlyFamilyId]);
  // Only the first answer is waited for: the list's own reading of a failed request starts again, and
  // must not take the list away while it does.
  if (!families.isFetched) return <LoadingState />;
  if (onlyFamilyId) return <Navigate to={paths.family(onlyFamilyId)} replace />;
  return <FamiliesRoute />;
}
