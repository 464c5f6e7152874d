import { Box } from '@mantine/core';
import type { QueryClient } from '@tanstack/react-query';
import type { ComponentType } from 'react';
import { Navigate, type RouteObject } from 'react-router';
import { LoadingState } from '../components/loading-state';
import { paths } from '../lib/paths';
import { AppFooter } from './app-footer';
import { prefetchHome, prefetchPlan } from './screen-data';

/**
 * Each screen is its own chunk, and so is the signed-in shell: the first load carries the router,
 * the providers and Finnish, then the router fetches the chunks of every matched route at once
 * (the shell and the home together, not one after the other). A screen's loader asks for the
 * screen's first data beside its code (screen-data.ts), and returns at once: it holds nothing back.
 */
type Lazy = NonNullable<RouteObject['lazy']>;

function screen(load: () => Promise<ComponentType>): Lazy {
  return async () => ({ Component: await load() });
}

/** A screen outside the shell, with the footer under it. */
function standalone(load: () => Promise<ComponentType>): Lazy {
  return async () => {
    const Screen = await load();
    return {
      Component: function Standalone() {
        // The screen fills the window, so the footer waits below it and does not move as the screen's content arrives.
        return (
          <>
            <Box mih="100vh">
              <Screen />
            </Box>
            <AppFooter />
          </>
        );
      },
    };
  };
}

/**
 * A screen's loader asks again only when its address's path changes: a change of the search (a
 * section, an order) stays within the screen, which must not give way to the loading state.
 */
const onNewPath: NonNullable<RouteObject['shouldRevalidate']> = ({ currentUrl, nextUrl }) =>
  currentUrl.pathname !== nextUrl.pathname;

/** A screen whose first data is asked for beside its code (`screen-data.ts`), again only on a new path. */
const prefetching = (
  prefetch: (params: Record<string, string | undefined>) => void,
): Pick<RouteObject, 'loader' | 'shouldRevalidate'> => ({
  loader: ({ params }) => {
    prefetch(params);
    return null;
  },
  shouldRevalidate: onNewPath,
});

/** What shows while the first screen's chunks are on their way. */
const firstLoad = <LoadingState />;

export function createAppRoutes(queryClient: QueryClient): RouteObject[] {
  return [
    {
      path: paths.signIn,
      hydrateFallbackElement: firstLoad,
      lazy: standalone(() => import('./routes/sign-in.route').then((m) => m.SignInRoute)),
    },
    {
      path: paths.secondFactor,
      hydrateFallbackElement: firstLoad,
      lazy: standalone(() => import('./routes/second-factor.route').then((m) => m.SecondFactorRoute)),
    },
    {
      path: '/kutsu/:token',
      hydrateFallbackElement: firstLoad,
      lazy: standalone(() => import('./routes/invitation.route').then((m) => m.InvitationRoute)),
    },
    {
      path: paths.forgotPassword,
      hydrateFallbackElement: firstLoad,
      lazy: standalone(() => import('./routes/forgot-password.route').then((m) => m.ForgotPasswordRoute)),
    },
    {
      path: paths.accessibilityStatement,
      hydrateFallbackElement: firstLoad,
      lazy: standalone(() => import('./routes/accessibility-statement.route').then((m) => m.AccessibilityStatementRoute)),
    },
    {
      hydrateFallbackElement: firstLoad,
      lazy: screen(() => import('./app-shell').then((m) => m.AppShell)),
      children: [
        {
          index: true,
          ...prefetching(() => prefetchHome(queryClient)),
          lazy: screen(() => import('./routes/home.route').then((m) => m.HomeRoute)),
        },
        {
          path: 'families/:familyId',
          ...prefetching(({ familyId }) => familyId && prefetchPlan(queryClient, familyId)),
          lazy: screen(() => import('./routes/plan.route').then((m) => m.PlanRoute)),
        },
        {
          path: 'families/:familyId/plan/versions/:version',
          lazy: screen(() => import('./routes/plan-version.route').then((m) => m.PlanVersionRoute)),
        },
        {
          path: 'families/:familyId/print',
          lazy: screen(() => import('./routes/plan-print.route').then((m) => m.PlanPrintRoute)),
        },
        {
          path: 'families/:familyId/consents',
          lazy: screen(() => import('./routes/consents.route').then((m) => m.ConsentsRoute)),
        },
        {
          path: 'families/:familyId/access-log',
          lazy: screen(() => import('./routes/access-log.route').then((m) => m.AccessLogRoute)),
        },
        {
          path: 'families/:familyId/costs',
          lazy: screen(() => import('./routes/family-costs.route').then((m) => m.FamilyCostsRoute)),
        },
        {
          path: 'families/:familyId/measurements',
          lazy: screen(() => import('./routes/measurements.route').then((m) => m.MeasurementsRoute)),
        },
        { path: 'service-usage/csv', lazy: screen(() => import('./routes/usage-csv.route').then((m) => m.UsageCsvRoute)) },
        {
          path: 'reference-costs',
          lazy: screen(() => import('./routes/reference-costs.route').then((m) => m.ReferenceCostsRoute)),
        },
        { path: 'password', lazy: screen(() => import('./routes/change-password.route').then((m) => m.ChangePasswordRoute)) },
        {
          path: 'notifications/settings',
          lazy: screen(() => import('./routes/notification-settings.route').then((m) => m.NotificationSettingsRoute)),
        },
        { path: 'insights', lazy: screen(() => import('./routes/insights.route').then((m) => m.InsightsRoute)) },
        { path: 'programs', lazy: screen(() => import('./routes/programs.route').then((m) => m.ProgramsRoute)) },
        { path: 'programs/new', lazy: screen(() => import('./routes/program-form.route').then((m) => m.NewProgramRoute)) },
        {
          path: 'programs/:programId',
          lazy: screen(() => import('./routes/program-report.route').then((m) => m.ProgramReportRoute)),
        },
        {
          path: 'programs/:programId/edit',
          lazy: screen(() => import('./routes/program-form.route').then((m) => m.EditProgramRoute)),
        },
        {
          path: 'admin',
          lazy: screen(() => import('./routes/admin.route').then((m) => m.AdminRoute)),
          children: [
            { index: true, element: <Navigate to={paths.adminServices} replace /> },
            { path: 'services', lazy: screen(() => import('./routes/admin-services.route').then((m) => m.AdminServicesRoute)) },
            { path: 'accounts', lazy: screen(() => import('./routes/admin-accounts.route').then((m) => m.AdminAccountsRoute)) },
            { path: 'audit', lazy: screen(() => import('./routes/admin-audit.route').then((m) => m.AdminAuditRoute)) },
            { path: '*', lazy: screen(() => import('./routes/not-found.route').then((m) => m.NotFoundRoute)) },
          ],
        },
        { path: '*', lazy: screen(() => import('./routes/not-found.route').then((m) => m.NotFoundRoute)) },
      ],
    },
  ];
}
