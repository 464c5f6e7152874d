import type { Config } from '../../core/config';
import type { Queryable } from '../../db/database';
import type { Actor } from '../../core/actor';
import { newSessionToken, sessionIdOf } from './session-token';
import { findActiveSession, insertSession, touchSession } from './sessions.repository';

/** Writing last-seen on every request would turn reads into writes; a minute's precision is enough. */
export const TOUCH_INTERVAL_MS = 60_000;

/** `DEMO`: demo accounts, whose passwords are published, have sessions only while the server runs as a demo. */
export type SessionPolicy = Pick<Config, 'SESSION_IDLE_MINUTES' | 'SESSION_ABSOLUTE_HOURS' | 'DEMO'>;

/** `secondFactorPassed` is false while the session still has to pass its second factor. */
export async function startSession(
  db: Queryable,
  accountId: string,
  policy: SessionPolicy,
  secondFactorPassed: boolean,
): Promise<string> {
  const token = newSessionToken();
  const expiresAt = new Date(Date.now() + policy.SESSION_ABSOLUTE_HOURS * 3_600_000);
  await insertSession(db, {
    id: sessionIdOf(token),
    accountId,
    expiresAt,
    secondFactorAt: secondFactorPassed ? new Date() : null,
  });
  return token;
}

/** `activity: false` looks the session up without counting as the person doing something (a socket's re-check). */
export async function resolveSessionActor(
  db: Queryable,
  token: string,
  policy: SessionPolicy,
  { activity = true }: { activity?: boolean } = {},
): Promise<Actor | null> {
  const idleSince = new Date(Date.now() - policy.SESSION_IDLE_MINUTES * 60_000);
  const found = await findActiveSession(db, sessionIdOf(token), idleSince, policy.DEMO);
  if (!found) return null;
  if (activity && Date.now() - found.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) await touchSession(db, found.actor.sessionId);
  return found.actor;
}
