import type { LoginRequest } from '@yhdessa/shared';
import { clearFailedLogins, findAccountByEmail, recordFailedLogin } from '../accounts';
import { verifyPassword } from '../accounts';
import { appendAuditEvent } from '../../audit/audit.repository';
import type { Tx } from '../../db/database';
import { AppError } from '../../core/app-error';
import { needsSecondFactor } from '../accounts';
import { startSession, type SessionPolicy } from './session.service';

/** Five wrong passwords lock sign-in for 15 min; wrong second-factor codes have a count and lock of their own (`recordSecondFactorFailure`). */
export const LOCK_AFTER_FAILURES = 5;
export const LOCK_MINUTES = 15;

/**
 * Signs in with email and password and returns the new session's token. Every refusal is the
 * same error, so the answer never tells whether the account exists, is locked or is disabled.
 */
export async function signIn(
  tx: Tx,
  credentials: LoginRequest,
  policy: SessionPolicy,
  afterRollback: (work: (tx: Tx) => Promise<void>) => void,
): Promise<string> {
  const account = await findAccountByEmail(tx, credentials.email);
  const passwordMatches = await verifyPassword(account?.passwordHash ?? null, credentials.password);
  const locked = account?.lockedUntil != null && account.lockedUntil > new Date();
  // A demo login's password is published: outside demo mode it opens nothing.
  const demoOutsideDemo = account?.isDemo === true && !policy.DEMO;

  if (!account || locked || account.disabledAt || demoOutsideDemo || !passwordMatches) {
    const basis = !account
      ? 'unknown account'
      : locked
        ? 'account locked'
        : account.disabledAt
          ? 'account disabled'
          : demoOutsideDemo
            ? 'demo account outside demo mode'
            : 'wrong password';
    afterRollback(async (failureTx) => {
      if (account && !locked && !demoOutsideDemo && !passwordMatches)
        await recordFailedLogin(failureTx, account.id, LOCK_AFTER_FAILURES, LOCK_MINUTES);
      await appendAuditEvent(failureTx, signInAudit(account?.id ?? null, 'denied', basis));
    });
    throw new AppError(
      'invalid_credentials',
      'Check your email and password. After several failures the account is locked for a while.',
    );
  }

  await clearFailedLogins(tx, account.id);
  // Demo accounts have published passwords; they skip the second factor only while the server runs as a demo.
  const demoSkip = policy.DEMO && account.isDemo;
  const secondFactorPassed = !needsSecondFactor(account.role) || demoSkip;
  const token = await startSession(tx, account.id, policy, secondFactorPassed);
  const basis = secondFactorPassed
    ? demoSkip && needsSecondFactor(account.role)
      ? 'password; demo account in demo mode'
      : 'password'
    : 'password; second factor pending';
  await appendAuditEvent(tx, signInAudit(account.id, 'allowed', basis));
  return token;
}

function signInAudit(accountId: string | null, outcome: 'allowed' | 'denied', basis: string) {
  return { actor: null, familyId: null, action: 'sign-in', resource: 'session', resourceId: accountId, outcome, basis } as const;
}
