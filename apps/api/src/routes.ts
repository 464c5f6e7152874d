import { accountsRoutes } from './accounts/accounts.routes';
import { actionsRoutes } from './actions/actions.routes';
import { auditRoutes } from './audit/audit.routes';
import { authRoutes } from './auth/auth.routes';
import type { Config } from './config';
import { consentRoutes } from './consent/consent.routes';
import { demoRoutes } from './demo/demo.routes';
import { familiesRoutes } from './families/families.routes';
import type { AnyRoute } from './http/route';
import { plansRoutes } from './plans/plans.routes';
import { serviceRolesRoutes } from './service-roles/service-roles.routes';

/** Every `/api` route of the product. The route table test holds each one to its access rule. */
export function apiRoutes(config: Config): AnyRoute[] {
  return [
    ...authRoutes(config),
    ...familiesRoutes,
    ...plansRoutes,
    ...actionsRoutes,
    ...serviceRolesRoutes,
    ...consentRoutes,
    ...auditRoutes,
    ...accountsRoutes,
    ...(config.DEMO ? demoRoutes : []),
  ] as AnyRoute[];
}
