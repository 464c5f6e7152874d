import type { AdminAccount, Role } from '@yhdessa/shared';
import { and, asc, count, eq, sql } from 'drizzle-orm';
import { needsSecondFactor } from './second-factor-state';
import type { Queryable } from '../../db/database';
import { organisations } from '../../db/tables/organisations';
import { services } from '../../db/tables/services';
import { accounts, serviceMemberships } from '../../db/tables/accounts';

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

/**
 * Counts one more wrong second-factor code. Every `lockAfter`-th failure locks the second factor,
 * for `lockMinutes` the first time and twice as long each time after, so guessing stays slow
 * however many times the password is typed in again. Returns the count and the lock, if any.
 */
export async function recordSecondFactorFailure(
  db: Queryable,
  accountId: string,
  lockAfter: number,
  lockMinutes: number,
): Promise<{ failures: number; lockedUntil: Date | null }> {
  const failures = sql`${accounts.secondFactorFailureCount} + 1`;
  const [row] = await db
    .update(accounts)
    .set({
      secondFactorFailureCount: failures,
      secondFactorLockedUntil: sql`case when (${failures}) % ${lockAfter} = 0
        then now() + make_interval(mins => ${lockMinutes} * power(2, (${failures}) / ${lockAfter} - 1)::int)
        else ${accounts.secondFactorLockedUntil} end`,
    })
    .where(eq(accounts.id, accountId))
    .returning({ failures: accounts.secondFactorFailureCount, lockedUntil: accounts.secondFactorLockedUntil });
  return { failures: row?.failures ?? 0, lockedUntil: row?.lockedUntil ?? null };
}

/** A right code: the count of wrong ones starts again. */
export async function clearSecondFactorFailures(db: Queryable, accountId: string): Promise<void> {
  await db.update(accounts).set({ secondFactorFailureCount: 0, secondFactorLockedUntil: null }).where(eq(accounts.id, accountId));
}

/** An administrator lifts both locks; false when there is no such account. */
export async function liftLocks(db: Queryable, accountId: string): Promise<boolean> {
  const rows = await db
    .update(accounts)
    .set({ failedLoginCount: 0, lockedUntil: null, secondFactorFailureCount: 0, secondFactorLockedUntil: null })
    .where(eq(accounts.id, accountId))
    .returning({ id: accounts.id });
  return rows.length > 0;
}

/** False when there is no such account. Disabling again keeps the first time. */
export async function disableAccount(db: Queryable, accountId: string): Promise<boolean> {
  const rows = await db
    .update(accounts)
    .set({ disabledAt: sql`coalesce(${accounts.disabledAt}, now())` })
    .where(eq(accounts.id, accountId))
    .returning({ id: accounts.id });
  return rows.length > 0;
}

/** How many demo-world logins the database holds (a database seeded in demo mode has some). */
export async function countDemoAccounts(db: Queryable): Promise<number> {
  const [row] = await db.select({ count: count() }).from(accounts).where(eq(accounts.isDemo, true));
  return row?.count ?? 0;
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

/**
 * Every account, those of one role, or one account, for the administrator. Reads the accounts
 * table only (no family tables), and orders by name, not by creation, so members invited together
 * do not line up next to each other and give their family away.
 */
export async function listAccountsForAdministration(
  db: Queryable,
  { role, accountId }: { role?: Role; accountId?: string } = {},
): Promise<AdminAccount[]> {
  const matches = and(role ? eq(accounts.role, role) : undefined, accountId ? eq(accounts.id, accountId) : undefined);
  const rows = await db
    .select({
      id: accounts.id,
      name: accounts.name,
      email: accounts.email,
      role: accounts.role,
      organisationId: accounts.organisationId,
      organisationName: organisations.name,
      disabledAt: accounts.disabledAt,
      totpEnabledAt: accounts.totpEnabledAt,
      lockedUntil: accounts.lockedUntil,
      secondFactorLockedUntil: accounts.secondFactorLockedUntil,
    })
    .from(accounts)
    .leftJoin(organisations, eq(organisations.id, accounts.organisationId))
    .where(matches)
    .orderBy(asc(accounts.name), asc(accounts.email));
  const memberships = await db
    .select({ accountId: serviceMemberships.accountId, id: services.id, name: services.name })
    .from(serviceMemberships)
    .innerJoin(services, eq(services.id, serviceMemberships.serviceId))
    .innerJoin(accounts, eq(accounts.id, serviceMemberships.accountId))
    .where(matches)
    .orderBy(sql`${services.name}->>'fi'`);
  const servicesOf = new Map<string, AdminAccount['services']>();
  for (const { accountId, id, name } of memberships)
    servicesOf.set(accountId, [...(servicesOf.get(accountId) ?? []), { id, name }]);
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    organisation: row.organisationId && row.organisationName ? { id: row.organisationId, name: row.organisationName } : null,
    services: servicesOf.get(row.id) ?? [],
    disabledAt: row.disabledAt?.toISOString() ?? null,
    signInLockedUntil: stillLocked(row.lockedUntil),
    secondFactorLockedUntil: stillLocked(row.secondFactorLockedUntil),
    secondFactor: !needsSecondFactor(row.role) ? 'not_used' : row.totpEnabledAt ? 'enrolled' : 'not_enrolled',
  }));
}

function stillLocked(until: Date | null): string | null {
  return until && until.getTime() > Date.now() ? until.toISOString() : null;
}
