import { accountsRoutes } from './accounts/accounts.routes';
import { actionsRoutes } from './actions/actions.routes';
import { assessmentsRoutes } from './assessments/assessments.routes';
import { auditRoutes } from './audit/audit.routes';
import { authRoutes } from './auth/auth.routes';
import { passwordRoutes } from './auth/password.routes';
import { secondFactorRoutes } from './auth/second-factor.routes';
import type { Config } from './config';
import { consentRoutes } from './consent/consent.routes';
import { demoRoutes } from './demo/demo.routes';
import { familiesRoutes } from './families/families.routes';
import { goalsRoutes } from './goals/goals.routes';
import type { AnyRoute } from './http/route';
import { invitationsRoutes } from './invitations/invitations.routes';
import { outboxOnlyMailer, type Mailer } from './mail/mailer';
import { notesRoutes } from './notes/notes.routes';
import { organisationsRoutes } from './organisations/organisations.routes';
import { planVersionsRoutes } from './plan-versions/plan-versions.routes';
import { plansRoutes } from './plans/plans.routes';
import { reviewsRoutes } from './reviews/reviews.routes';
import { serviceRolesRoutes } from './service-roles/service-roles.routes';
import { servicesRoutes } from './services/services.routes';
import { storiesRoutes } from './stories/stories.routes';
import { workspaceRoutes } from './workspace/workspace.routes';

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
    ...storiesRoutes,
    ...assessmentsRoutes,
    ...workspaceRoutes,
    ...servicesRoutes,
    ...organisationsRoutes,
    ...consentRoutes,
    ...auditRoutes,
    ...accountsRoutes,
    ...(config.DEMO ? demoRoutes : []),
  ] as AnyRoute[];
}
