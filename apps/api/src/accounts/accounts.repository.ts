import type { Role } from '@yhdessa/shared';
import { eq, sql } from 'drizzle-orm';
import type { Queryable } from '../db/database';
import { accounts, serviceMemberships } from './accounts.schema';

export async function findAccountByEmail(db: Queryable, email: string) {
  const [account] = await db.select().from(accounts).where(eq(accounts.email, email.toLowerCase())).limit(1);
  return account ?? null;
}

/** Counts one more failed attempt (password or second-factor code) and returns the count. */
export async function recordFailedLogin(
  db: Queryable,
  accountId: string,
  lockAfter: number,
  lockMinutes: number,
): Promise<number> {
  const [row] = await db
    .update(accounts)
    .set({
      failedLoginCount: sql`${accounts.failedLoginCount} + 1`,
      lockedUntil: sql`case when ${accounts.failedLoginCount} + 1 >= ${lockAfter} then now() + make_interval(mins => ${lockMinutes}) else ${accounts.lockedUntil} end`,
    })
    .where(eq(accounts.id, accountId))
    .returning({ failedLoginCount: accounts.failedLoginCount });
  return row?.failedLoginCount ?? 0;
}

export async function clearFailedLogins(db: Queryable, accountId: string): Promise<void> {
  await db.update(accounts).set({ failedLoginCount: 0, lockedUntil: null }).where(eq(accounts.id, accountId));
}

/** False when there is no such account. */
export async function disableAccount(db: Queryable, accountId: string): Promise<boolean> {
  const rows = await db
    .update(accounts)
    .set({ disabledAt: new Date() })
    .where(eq(accounts.id, accountId))
    .returning({ id: accounts.id });
  return rows.length > 0;
}

export async function findAccountById(db: Queryable, accountId: string) {
  const [account] = await db.select().from(accounts).where(eq(accounts.id, accountId)).limit(1);
  return account ?? null;
}

/** An account without a password: it signs in once an invitation has set one. */
export async function insertAccount(
  db: Queryable,
  account: { email: string; name: string; role: Role; organisationId: string | null },
): Promise<string> {
  const [row] = await db
    .insert(accounts)
    .values({ ...account, email: account.email.toLowerCase() })
    .returning({ id: accounts.id });
  return row!.id;
}

export async function updateAccountEmail(db: Queryable, accountId: string, email: string): Promise<void> {
  await db.update(accounts).set({ email: email.toLowerCase() }).where(eq(accounts.id, accountId));
}

/** Sets the password and lifts any lock from failed attempts. */
export async function setPasswordHash(db: Queryable, accountId: string, passwordHash: string): Promise<void> {
  await db.update(accounts).set({ passwordHash, failedLoginCount: 0, lockedUntil: null }).where(eq(accounts.id, accountId));
}

export async function addServiceMembership(db: Queryable, accountId: string, serviceId: string): Promise<void> {
  await db.insert(serviceMemberships).values({ accountId, serviceId }).onConflictDoNothing();
}
