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
