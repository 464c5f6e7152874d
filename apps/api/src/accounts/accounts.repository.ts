import { eq, sql } from 'drizzle-orm';
import type { Queryable } from '../db/database';
import { accounts } from './accounts.schema';

export async function findAccountByEmail(db: Queryable, email: string) {
  const [account] = await db.select().from(accounts).where(eq(accounts.email, email.toLowerCase())).limit(1);
  return account ?? null;
}

export async function recordFailedLogin(db: Queryable, accountId: string, lockAfter: number, lockMinutes: number): Promise<void> {
  await db
    .update(accounts)
    .set({
      failedLoginCount: sql`${accounts.failedLoginCount} + 1`,
      lockedUntil: sql`case when ${accounts.failedLoginCount} + 1 >= ${lockAfter} then now() + make_interval(mins => ${lockMinutes}) else ${accounts.lockedUntil} end`,
    })
    .where(eq(accounts.id, accountId));
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
