import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { Navigate, type RouteObject } from 'react-router';
import { LoadingState } from '../components/loading-state';
import { paths } from '../lib/paths';
import { AppFooter } from './app-footer';
import { AppShell } from './app-shell';

/** Each screen is its own chunk: the first load carries only the shell and the screen it opens. */
const SignInRoute = lazy(() => import('./routes/sign-in.route').then((m) => ({ default: m.SignInRoute })));
const SecondFactorRoute = lazy(() => import('./routes/second-factor.route').then((m) => ({ default: m.SecondFactorRoute })));
const ForgotPasswordRoute = lazy(() =>
  import('./routes/forgot-password.route').then((m) => ({ default: m.ForgotPasswordRoute })),
);
const ChangePasswordRoute = lazy(() =>
  import('./routes/change-password.route').then((m) => ({ default: m.ChangePasswordRoute })),
);
const NotificationSettingsRoute = lazy(() =>
  import('./routes/notification-settings.route').then((m) => ({ default: m.NotificationSettingsRoute })),
);
const InvitationRoute = lazy(() => import('./routes/invitation.route').then((m) => ({ default: m.InvitationRoute })));
const FamiliesRoute = lazy(() => import('./routes/families.route').then((m) => ({ default: m.FamiliesRoute })));
const PlanRoute = lazy(() => import('./routes/plan.route').then((m) => ({ default: m.PlanRoute })));
const PlanVersionRoute = lazy(() => import('./routes/plan-version.route').then((m) => ({ default: m.PlanVersionRoute })));
const PlanPrintRoute = lazy(() => import('./routes/plan-print.route').then((m) => ({ default: m.PlanPrintRoute })));
const ConsentsRoute = lazy(() => import('./routes/consents.route').then((m) => ({ default: m.ConsentsRoute })));
const AccessLogRoute = lazy(() => import('./routes/access-log.route').then((m) => ({ default: m.AccessLogRoute })));
const InsightsRoute = lazy(() => import('./routes/insights.route').then((m) => ({ default: m.InsightsRoute })));
const ProgramsRoute = lazy(() => import('./routes/programs.route').then((m) => ({ default: m.ProgramsRoute })));
const ProgramReportRoute = lazy(() => import('./routes/program-report.route').then((m) => ({ default: m.ProgramReportRoute })));
const NewProgramRoute = lazy(() => import('./routes/program-form.route').then((m) => ({ default: m.NewProgramRoute })));
const EditProgramRoute = lazy(() => import('./routes/program-form.route').then((m) => ({ default: m.EditProgramRoute })));
const MeasurementsRoute = lazy(() => import('./routes/measurements.route').then((m) => ({ default: m.MeasurementsRoute })));
const FamilyCostsRoute = lazy(() => import('./routes/family-costs.route').then((m) => ({ default: m.FamilyCostsRoute })));
const UsageCsvRoute = lazy(() => import('./routes/usage-csv.route').then((m) => ({ default: m.UsageCsvRoute })));
const ReferenceCostsRoute = lazy(() =>
  import('./routes/reference-costs.route').then((m) => ({ default: m.ReferenceCostsRoute })),
);
const AdminRoute = lazy(() => import('./routes/admin.route').then((m) => ({ default: m.AdminRoute })));
const AdminServicesRoute = lazy(() => import('./routes/admin-services.route').then((m) => ({ default: m.AdminServicesRoute })));
const AdminAccountsRoute = lazy(() => import('./routes/admin-accounts.route').then((m) => ({ default: m.AdminAccountsRoute })));
const AdminAuditRoute = lazy(() => import('./routes/admin-audit.route').then((m) => ({ default: m.AdminAuditRoute })));
const AccessibilityStatementRoute = lazy(() =>
  import('./routes/accessibility-statement.route').then((m) => ({ default: m.AccessibilityStatementRoute })),
);
const NotFoundRoute = lazy(() => import('./routes/not-found.route').then((m) => ({ default: m.NotFoundRoute })));

/** A screen outside the shell waits for its chunk on its own; the footer stays while it loads. */
function standalone(Screen: LazyExoticComponent<ComponentType>) {
  return (
    <>
      <Suspense fallback={<LoadingState />}>
        <Screen />
      </Suspense>
      <AppFooter />
    </>
  );
}

export const appRoutes: RouteObject[] = [
  { path: paths.signIn, element: standalone(SignInRoute) },
  { path: paths.secondFactor, element: standalone(SecondFactorRoute) },
  { path: '/kutsu/:token', element: standalone(InvitationRoute) },
  { path: paths.forgotPassword, element: standalone(ForgotPasswordRoute) },
  { path: paths.accessibilityStatement, element: standalone(AccessibilityStatementRoute) },
  {
    // The shell's own Suspense keeps the header while a screen's chunk loads.
    element: <AppShell />,
    children: [
      { index: true, element: <FamiliesRoute /> },
      { path: 'families/:familyId', element: <PlanRoute /> },
      { path: 'families/:familyId/plan/versions/:version', element: <PlanVersionRoute /> },
      { path: 'families/:familyId/print', element: <PlanPrintRoute /> },
      { path: 'families/:familyId/consents', element: <ConsentsRoute /> },
      { path: 'families/:familyId/access-log', element: <AccessLogRoute /> },
      { path: 'families/:familyId/costs', element: <FamilyCostsRoute /> },
      { path: 'families/:familyId/measurements', element: <MeasurementsRoute /> },
      { path: 'service-usage/csv', element: <UsageCsvRoute /> },
      { path: 'reference-costs', element: <ReferenceCostsRoute /> },
      { path: 'password', element: <ChangePasswordRoute /> },
      { path: 'notifications/settings', element: <NotificationSettingsRoute /> },
      { path: 'insights', element: <InsightsRoute /> },
      { path: 'programs', element: <ProgramsRoute /> },
      { path: 'programs/new', element: <NewProgramRoute /> },
      { path: 'programs/:programId', element: <ProgramReportRoute /> },
      { path: 'programs/:programId/edit', element: <EditProgramRoute /> },
      {
        path: 'admin',
        element: <AdminRoute />,
        children: [
          { index: true, element: <Navigate to={paths.adminServices} replace /> },
          { path: 'services', element: <AdminServicesRoute /> },
          { path: 'accounts', element: <AdminAccountsRoute /> },
          { path: 'audit', element: <AdminAuditRoute /> },
          { path: '*', element: <NotFoundRoute /> },
        ],
      },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
];
