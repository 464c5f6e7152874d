import type { ComponentType } from 'react';
import { Navigate, type RouteObject } from 'react-router';
import { LoadingState } from '../components/loading-state';
import { paths } from '../lib/paths';
import { AppFooter } from './app-footer';

/**
 * Each screen is its own chunk, and so is the signed-in shell: the first load carries the router,
 * the providers and Finnish, then the router fetches the chunks of every matched route at once
 * (the shell and the home together, not one after the other).
 */
type Lazy = NonNullable<RouteObject['lazy']>;

function screen<M>(load: () => Promise<M>, pick: (module: M) => ComponentType): Lazy {
  return async () => ({ Component: pick(await load()) });
}

/** A screen outside the shell, with the footer under it. */
function standalone<M>(load: () => Promise<M>, pick: (module: M) => ComponentType): Lazy {
  return async () => {
    const Screen = pick(await load());
    return {
      Component: function Standalone() {
        return (
          <>
            <Screen />
            <AppFooter />
          </>
        );
      },
    };
  };
}

/** What shows while the first screen's chunks are on their way. */
const firstLoad = <LoadingState />;

export const appRoutes: RouteObject[] = [
  {
    path: paths.signIn,
    hydrateFallbackElement: firstLoad,
    lazy: standalone(() => import('./routes/sign-in.route'), (m) => m.SignInRoute),
  },
  {
    path: paths.secondFactor,
    hydrateFallbackElement: firstLoad,
    lazy: standalone(() => import('./routes/second-factor.route'), (m) => m.SecondFactorRoute),
  },
  {
    path: '/kutsu/:token',
    hydrateFallbackElement: firstLoad,
    lazy: standalone(() => import('./routes/invitation.route'), (m) => m.InvitationRoute),
  },
  {
    path: paths.forgotPassword,
    hydrateFallbackElement: firstLoad,
    lazy: standalone(() => import('./routes/forgot-password.route'), (m) => m.ForgotPasswordRoute),
  },
  {
    path: paths.accessibilityStatement,
    hydrateFallbackElement: firstLoad,
    lazy: standalone(() => import('./routes/accessibility-statement.route'), (m) => m.AccessibilityStatementRoute),
  },
  {
    hydrateFallbackElement: firstLoad,
    lazy: screen(() => import('./app-shell'), (m) => m.AppShell),
    children: [
      { index: true, lazy: screen(() => import('./routes/families.route'), (m) => m.FamiliesRoute) },
      { path: 'families/:familyId', lazy: screen(() => import('./routes/plan.route'), (m) => m.PlanRoute) },
      {
        path: 'families/:familyId/plan/versions/:version',
        lazy: screen(() => import('./routes/plan-version.route'), (m) => m.PlanVersionRoute),
      },
      { path: 'families/:familyId/print', lazy: screen(() => import('./routes/plan-print.route'), (m) => m.PlanPrintRoute) },
      { path: 'families/:familyId/consents', lazy: screen(() => import('./routes/consents.route'), (m) => m.ConsentsRoute) },
      { path: 'families/:familyId/access-log', lazy: screen(() => import('./routes/access-log.route'), (m) => m.AccessLogRoute) },
      { path: 'families/:familyId/costs', lazy: screen(() => import('./routes/family-costs.route'), (m) => m.FamilyCostsRoute) },
      {
        path: 'families/:familyId/measurements',
        lazy: screen(() => import('./routes/measurements.route'), (m) => m.MeasurementsRoute),
      },
      { path: 'service-usage/csv', lazy: screen(() => import('./routes/usage-csv.route'), (m) => m.UsageCsvRoute) },
      { path: 'reference-costs', lazy: screen(() => import('./routes/reference-costs.route'), (m) => m.ReferenceCostsRoute) },
      { path: 'password', lazy: screen(() => import('./routes/change-password.route'), (m) => m.ChangePasswordRoute) },
      {
        path: 'notifications/settings',
        lazy: screen(() => import('./routes/notification-settings.route'), (m) => m.NotificationSettingsRoute),
      },
      { path: 'insights', lazy: screen(() => import('./routes/insights.route'), (m) => m.InsightsRoute) },
      { path: 'programs', lazy: screen(() => import('./routes/programs.route'), (m) => m.ProgramsRoute) },
      { path: 'programs/new', lazy: screen(() => import('./routes/program-form.route'), (m) => m.NewProgramRoute) },
      { path: 'programs/:programId', lazy: screen(() => import('./routes/program-report.route'), (m) => m.ProgramReportRoute) },
      { path: 'programs/:programId/edit', lazy: screen(() => import('./routes/program-form.route'), (m) => m.EditProgramRoute) },
      {
        path: 'admin',
        lazy: screen(() => import('./routes/admin.route'), (m) => m.AdminRoute),
        children: [
          { index: true, element: <Navigate to={paths.adminServices} replace /> },
          { path: 'services', lazy: screen(() => import('./routes/admin-services.route'), (m) => m.AdminServicesRoute) },
          { path: 'accounts', lazy: screen(() => import('./routes/admin-accounts.route'), (m) => m.AdminAccountsRoute) },
          { path: 'audit', lazy: screen(() => import('./routes/admin-audit.route'), (m) => m.AdminAuditRoute) },
          { path: '*', lazy: screen(() => import('./routes/not-found.route'), (m) => m.NotFoundRoute) },
        ],
      },
      { path: '*', lazy: screen(() => import('./routes/not-found.route'), (m) => m.NotFoundRoute) },
    ],
  },
];
