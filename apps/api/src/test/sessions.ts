import type { Queryable } from '../db/database';
import { insertSession } from '../features/auth/sessions.repository';
import { newSessionToken, SESSION_COOKIE, sessionIdOf } from '../features/auth/session-token';

/** A signed-in session written straight into the database, second factor passed: the cookie that carries it. */
export async function sessionCookieFor(db: Queryable, accountId: string): Promise<string> {
  const token = newSessionToken();
  await insertSession(db, {
    id: sessionIdOf(token),
    accountId,
    expiresAt: new Date(Date.now() + 12 * 3_600_000),
    secondFactorAt: new Date(),
  });
  return `${SESSION_COOKIE}=${token}`;
}
