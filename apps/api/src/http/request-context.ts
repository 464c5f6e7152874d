import type { Role } from '@yhdessa/shared';

/** The signed-in person behind a request or socket. */
export interface Actor {
  accountId: string;
  sessionId: string;
  name: string;
  email: string;
  role: Role;
  organisationId: string | null;
  serviceIds: string[];
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      actor?: Actor;
    }
  }
}
