import type { Actor } from '../core/actor';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      actor?: Actor;
      /** The matched API route's pattern, `/api/families/:familyId/plan`: the request log names it instead of the URL. */
      routePattern?: string;
    }
  }
}
