import { and, count, eq, isNull, lt, or } from 'drizzle-orm';
import { accounts } from '../../db/tables/accounts';
import type { Queryable } from '../../db/database';
import { recoveryCodes } from '../../db/tables/second-factor';

export async function findSecondFactorAccount(db: Queryable, accountId: string) {
  const [row] = await db
    .select({
      id: accounts.id,
      email: accounts.email,
      totpSecret: accounts.totpSecret,
      totpEnabledAt: accounts.totpEnabledAt,
      secondFactorFailureCount: accounts.secondFactorFailureCount,
      secondFactorLockedUntil: accounts.secondFactorLockedUntil,
    })
    .from(accounts)
    .where(eq(accounts.id, accountId));
  return row ?? null;
}

/** Keeps a new secret until it is confirmed; false once the second factor is on. */
export async function saveUnconfirmedTotpSecret(db: Queryable, accountId: string, secret: string): Promise<boolean> {
  const rows = await db
    .update(accounts)
    .set({ totpSecret: secret, totpLastStep: null })
    .where(and(eq(accounts.id, accountId), isNull(accounts.totpEnabledAt)))
    .returning({ id: accounts.id });
  return rows.length > 0;
}

/** Records the step as used; false when it (or a later one) was used already, so a code works once. */
export async function acceptTotpStep(db: Queryable, accountId: string, step: number): Promise<boolean> {
  const rows = await db
    .update(accounts)
    .set({ totpLastStep: step })
    .where(and(eq(accounts.id, accountId), or(isNull(accounts.totpLastStep), lt(accounts.totpLastStep, step))))
    .returning({ id: accounts.id });
  return rows.length > 0;
}

export async function enableTotp(db: Queryable, accountId: string): Promise<void> {
  await db.update(accounts).set({ totpEnabledAt: new Date() }).where(eq(accounts.id, accountId));
}

export async function replaceRecoveryCodes(db: Queryable, accountId: string, codeHashes: string[]): Promise<void> {
  await db.delete(recoveryCodes).where(eq(recoveryCodes.accountId, accountId));
  await db.insert(recoveryCodes).values(codeHashes.map((codeHash) => ({ accountId, codeHash })));
}

/** Marks the code used; false when there is no such unused code. */
export async function useRecoveryCode(db: Queryable, accountId: string, codeHash: string): Promise<boolean> {
  const rows = await db
    .update(recoveryCodes)
    .set({ usedAt: new Date() })
    .where(and(eq(recoveryCodes.accountId, accountId), eq(recoveryCodes.codeHash, codeHash), isNull(recoveryCodes.usedAt)))
    .returning({ id: recoveryCodes.id });
  return rows.length > 0;
}

export async function countUnusedRecoveryCodes(db: Queryable, accountId: string): Promise<number> {
  const [row] = await db
    .select({ unused: count() })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.accountId, accountId), isNull(recoveryCodes.usedAt)));
  return row?.unused ?? 0;
}
