import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import { oneOf, queryRows, type Queryable } from '../../db/database';
import type { Actor } from '../../core/actor';
import { secondFactorStateOf } from '../accounts';
import { sessions } from '../../db/tables/sessions';

interface SessionRow {
  session_id: string;
  account_id: string;
  name: string;
  email: string;
  role: Actor['role'];
  organisation_id: string | null;
  service_ids: string[];
  last_seen_at: string | Date;
  second_factor_at: string | Date | null;
  totp_enabled_at: string | Date | null;
}

export async function insertSession(
  db: Queryable,
  session: { id: string; accountId: string; expiresAt: Date; secondFactorAt: Date | null },
): Promise<void> {
  await db.insert(sessions).values(session);
}

/**
 * The live session's actor: not ended, not past its absolute expiry or idle limit, account
 * enabled, and not a demo account unless the server runs as a demo.
 */
export async function findActiveSession(
  db: Queryable,
  sessionId: string,
  idleSince: Date,
  demoAccountsAllowed: boolean,
): Promise<{ actor: Actor; lastSeenAt: Date } | null> {
  const [row] = await queryRows<SessionRow>(
    db,
    sql`
    select s.id as session_id, s.last_seen_at, s.second_factor_at, a.totp_enabled_at, a.id as account_id, a.name, a.email, a.role, a.organisation_id,
      coalesce((select array_agg(sm.service_id::text) from service_memberships sm where sm.account_id = a.id), '{}') as service_ids
    from sessions s join accounts a on a.id = s.account_id
    where s.id = ${sessionId} and ${liveSession(idleSince, demoAccountsAllowed)}`,
  );
  if (!row) return null;
  return {
    lastSeenAt: new Date(row.last_seen_at),
    actor: {
      sessionId: row.session_id,
      accountId: row.account_id,
      name: row.name,
      email: row.email,
      role: row.role,
      organisationId: row.organisation_id,
      serviceIds: row.service_ids,
      secondFactor: secondFactorStateOf({
        role: row.role,
        secondFactorAt: row.second_factor_at === null ? null : new Date(row.second_factor_at),
        totpEnabledAt: row.totp_enabled_at === null ? null : new Date(row.totp_enabled_at),
      }),
    },
  };
}

/** Of these sessions, the ids of the ones still live (column `id`): the same rule as `findActiveSession`. */
export const liveSessionIds = (sessionIds: readonly string[], idleSince: Date, demoAccountsAllowed: boolean) =>
  sql`select s.id from sessions s join accounts a on a.id = s.account_id
    where ${oneOf(sql`s.id`, sessionIds)} and ${liveSession(idleSince, demoAccountsAllowed)}`;

/** Not ended, not past its absolute expiry or idle limit, account enabled, a demo account only in a demo (`s`, `a`). */
const liveSession = (idleSince: Date, demoAccountsAllowed: boolean) => sql`s.ended_at is null and s.expires_at > now()
      and s.last_seen_at > ${idleSince.toISOString()} and a.disabled_at is null
      and (not a.is_demo or ${demoAccountsAllowed})`;

export async function touchSession(db: Queryable, sessionId: string): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: new Date() }).where(eq(sessions.id, sessionId));
}

export async function endSession(db: Queryable, sessionId: string): Promise<void> {
  await db
    .update(sessions)
    .set({ endedAt: new Date() })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.endedAt)));
}

export async function endAllSessionsOf(db: Queryable, accountId: string): Promise<string[]> {
  const ended = await db
    .update(sessions)
    .set({ endedAt: new Date() })
    .where(and(eq(sessions.accountId, accountId), isNull(sessions.endedAt)))
    .returning({ id: sessions.id });
  return ended.map((row) => row.id);
}

/** Ends every session of the account but the one given; returns the ended ids. */
export async function endOtherSessionsOf(db: Queryable, accountId: string, keepSessionId: string): Promise<string[]> {
  const ended = await db
    .update(sessions)
    .set({ endedAt: new Date() })
    .where(and(eq(sessions.accountId, accountId), isNull(sessions.endedAt), ne(sessions.id, keepSessionId)))
    .returning({ id: sessions.id });
  return ended.map((row) => row.id);
}

/** The session has passed its second factor. */
export async function markSecondFactorPassed(db: Queryable, sessionId: string): Promise<void> {
  await db.update(sessions).set({ secondFactorAt: new Date() }).where(eq(sessions.id, sessionId));
}
