import { actionsRoutes } from './actions/actions.routes';
import { authRoutes } from './auth/auth.routes';
import type { Config } from './config';
import { demoRoutes } from './demo/demo.routes';
import { familiesRoutes } from './families/families.routes';
import type { AnyRoute } from './http/route';
import { plansRoutes } from './plans/plans.routes';

/** Every `/api` route of the product. The route table test holds each one to its access rule. */
export function apiRoutes(config: Config): AnyRoute[] {
  return [
    ...authRoutes(config),
    ...familiesRoutes,
    ...plansRoutes,
    ...actionsRoutes,
    ...(config.DEMO ? demoRoutes : []),
  ] as AnyRoute[];
}
