import type { Actor } from '../core/actor';
import type { VersionStamp } from '../db/data-versions';

/** The signed-in person, and when taken from memory, what must still hold for that to be true. */
export interface SessionActor {
  actor: Actor;
  remembered: { sessionId: string; stamps: readonly VersionStamp[] } | null;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      /**
       * The session's actor, looked up when a route asks (set by `authenticate`). `remembered`
       * lets it come from memory; the caller must then confirm `remembered` before answering.
       */
      sessionActor?: (options: { remembered: boolean }) => Promise<SessionActor | null>;
      /** The signed-in actor once a route has looked them up: the request log names the account. */
      actor?: Actor;
      /** The matched API route's pattern, `/api/families/:familyId/plan`: the request log names it instead of the URL. */
      routePattern?: string;
    }
  }
}
