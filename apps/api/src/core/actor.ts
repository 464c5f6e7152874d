import type { Role, SecondFactorState } from '@yhdessa/shared';

/** The signed-in person behind a request or socket. */
export interface Actor {
  accountId: string;
  sessionId: string;
  name: string;
  email: string;
  role: Role;
  organisationId: string | null;
  serviceIds: string[];
  /** Until `done`, the session may call only the routes that say so (see `RouteAccess`). */
  secondFactor: SecondFactorState;
}

/** Whom an access rule is decided for: the signed-in actor, or a reader a notification is meant for. */
export type Reader = Pick<Actor, 'accountId' | 'role'>;
