import { LRUCache } from 'lru-cache';
import type { Queryable } from '../../db/database';
import { DIRECTORY_SCOPE, readDataVersions } from '../../db/data-versions';
import type { SessionActor } from '../../http/request-context';
import { resolveSessionActor, TOUCH_INTERVAL_MS, type SessionPolicy } from './session.service';
import { liveSessionIds } from './sessions.repository';
import { sessionIdOf } from './session-token';

interface Remembered {
  session: SessionActor;
  rememberedAt: number;
}

/**
 * Signed-in actors kept in memory for batched reads, by session. A remembered actor is used only
 * together with the check that the session is still live and the directory (names, roles,
 * memberships) unchanged since (`liveIds`, the commit of the read), and only until the session's
 * last-seen time is due to move on, so the database still sees the person being active.
 */
export class RememberedSessions {
  readonly #sessions = new LRUCache<string, Remembered>({ max: 10_000 });
  readonly #policy: SessionPolicy;

  constructor(policy: SessionPolicy) {
    this.#policy = policy;
  }

  async actorOf(db: Queryable, token: string, { remembered }: { remembered: boolean }): Promise<SessionActor | null> {
    const sessionId = sessionIdOf(token);
    if (!remembered) return this.#lookUp(db, token, false);
    const hit = this.#sessions.get(sessionId);
    if (hit && Date.now() - hit.rememberedAt < TOUCH_INTERVAL_MS) return hit.session;
    return this.#lookUp(db, token, true);
  }

  /** A query for the sessions still live in the database, by the same rule as signing in with them. */
  liveIds = (sessionIds: readonly string[]) => liveSessionIds(sessionIds, idleSince(this.#policy), this.#policy.DEMO);

  async #lookUp(db: Queryable, token: string, remember: boolean): Promise<SessionActor | null> {
    const sessionId = sessionIdOf(token);
    // The directory's version before the session: a change in between only makes the copy look older.
    const stamps = remember ? await readDataVersions(db, [DIRECTORY_SCOPE]) : [];
    const actor = await resolveSessionActor(db, token, this.#policy);
    if (!actor) {
      this.#sessions.delete(sessionId);
      return null;
    }
    // A session still passing its second factor changes state soon: it is not remembered.
    if (remember && actor.secondFactor === 'done')
      this.#sessions.set(sessionId, {
        session: Object.freeze({ actor: Object.freeze(actor), remembered: { sessionId, stamps } }),
        rememberedAt: Date.now(),
      });
    return { actor, remembered: null };
  }
}

const idleSince = (policy: SessionPolicy) => new Date(Date.now() - policy.SESSION_IDLE_MINUTES * 60_000);
