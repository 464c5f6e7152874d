import { useQuery } from '@tanstack/react-query';
import { lazy } from 'react';
import { Navigate } from 'react-router';
import { LoadingState } from '../../components/loading-state';
import { currentUserQueryOptions } from '../../features/auth/api/current-user.query';
import { familiesQueryOptions } from '../../features/families/api/families.query';
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
  const families = useQuery(familiesQueryOptions());
  const [only, ...others] = families.data ?? [];
  const onlyFamilyId = only && others.length === 0 ? only.id : undefined;
  // The plan's code and data were asked for by this route's loader (screen-data.ts).
  // Only the first answer is waited for: the list's own reading of a failed request starts again, and
  // must not take the list away while it does.
  if (!families.isFetched) return <LoadingState />;
  if (onlyFamilyId) return <Navigate to={paths.family(onlyFamilyId)} replace />;
  return <FamiliesRoute />;
}
