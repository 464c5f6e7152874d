import { accountsRoutes } from './features/accounts/accounts.routes';
import { activityRoutes } from './features/activity/activity.routes';
import { actionsRoutes } from './features/actions/actions.routes';
import { assessmentsRoutes } from './features/assessments/assessments.routes';
import { accessLogRoutes } from './features/access-log/access-log.routes';
import { auditExportRoutes } from './features/audit-export/audit-export.routes';
import { authRoutes } from './features/auth/auth.routes';
import { passwordRoutes } from './features/auth/password.routes';
import { secondFactorRoutes } from './features/auth/second-factor.routes';
import type { Config } from './core/config';
import { commentsRoutes } from './features/comments/comments.routes';
import { consentsRoutes } from './features/consents/consents.routes';
import { demoRoutes } from './features/demo/demo.routes';
import { familiesRoutes } from './features/families/families.routes';
import { feedbackRoutes } from './features/feedback/feedback.routes';
import { goalsRoutes } from './features/goals/goals.routes';
import type { AnyRoute } from './http/route';
import { insightsRoutes } from './features/insights/insights.routes';
import { measurementsRoutes } from './features/measurements/measurements.routes';
import { invitationsRoutes } from './features/invitations/invitations.routes';
import { outboxOnlyMailer, type Mailer } from './mail/mailer';
import { notesRoutes } from './features/notes/notes.routes';
import { notificationsRoutes } from './features/notifications/notifications.routes';
import { organisationsRoutes } from './features/organisations/organisations.routes';
import { presenceRoutes } from './features/presence/presence.routes';
import { planVersionsRoutes } from './features/plan-versions/plan-versions.routes';
import { plansRoutes } from './features/plans/plans.routes';
import { programsRoutes } from './features/programs/programs.routes';
import { reviewsRoutes } from './features/reviews/reviews.routes';
import { serviceRolesRoutes } from './features/service-roles/service-roles.routes';
import { servicesRoutes } from './features/services/services.routes';
import { serviceUsageRoutes } from './features/service-usage/service-usage.routes';
import { referenceCostsRoutes } from './features/reference-costs/reference-costs.routes';
import { storyRoutes } from './features/story/story.routes';
import { workspaceRoutes } from './features/workspace/workspace.routes';

/** Every `/api` route of the product. The route table test holds each one to its access rule. */
export function apiRoutes(config: Config, mailer: Mailer = outboxOnlyMailer): AnyRoute[] {
  return [
    ...authRoutes(config),
    ...secondFactorRoutes,
    ...passwordRoutes({ config, mailer }),
    ...invitationsRoutes({ config, mailer }),
    ...familiesRoutes,
    ...plansRoutes,
    ...actionsRoutes,
    ...serviceRolesRoutes({ config, mailer }),
    ...goalsRoutes,
    ...notesRoutes,
    ...reviewsRoutes,
    ...planVersionsRoutes,
    ...storyRoutes,
    ...commentsRoutes,
    ...assessmentsRoutes,
    ...measurementsRoutes,
    ...workspaceRoutes,
    ...servicesRoutes,
    ...serviceUsageRoutes,
    ...referenceCostsRoutes,
    ...organisationsRoutes,
    ...consentsRoutes,
    ...accessLogRoutes,
    ...activityRoutes,
    ...feedbackRoutes,
    ...presenceRoutes,
    ...auditExportRoutes,
    ...accountsRoutes({ config, mailer }),
    ...insightsRoutes(),
    ...programsRoutes,
    ...notificationsRoutes,
    ...(config.DEMO ? demoRoutes : []),
  ] as AnyRoute[];
}
