import type { RecoveryCodes, SecondFactorEnrolment, VerifySecondFactor } from '@yhdessa/shared';
import { clearFailedLogins, recordFailedLogin } from '../accounts/accounts.repository';
import { appendAuditEvent, type AuditEntry } from '../audit/audit.repository';
import type { Tx } from '../db/database';
import { AppError } from '../http/app-error';
import type { Actor } from '../http/request-context';
import type { RouteContext, RouteAccess } from '../http/route';
import { LOCK_AFTER_FAILURES, LOCK_MINUTES } from './login.service';
import { hashRecoveryCode, newRecoveryCodes } from './recovery-codes';
import {
  acceptTotpStep,
  countUnusedRecoveryCodes,
  enableTotp,
  findSecondFactorAccount,
  replaceRecoveryCodes,
  saveUnconfirmedTotpSecret,
  useRecoveryCode,
} from './second-factor.repository';
import { endSession, markSecondFactorPassed } from './sessions.repository';
import { matchTotpStep, newTotpSecret, totpUri } from './totp';

type SecondFactorContext = Pick<RouteContext<RouteAccess>, 'tx' | 'audit' | 'afterRollback' | 'realtime'> & { actor: Actor };
type Account = NonNullable<Awaited<ReturnType<typeof findSecondFactorAccount>>>;

function secondFactorAudit(outcome: 'allowed' | 'denied', basis: string, detail?: Record<string, unknown>) {
  return { familyId: null, action: 'sign-in', resource: 'second-factor', outcome, basis, detail } as const;
}

async function requireAccount(tx: Tx, actor: Actor): Promise<Account> {
  const account = await findSecondFactorAccount(tx, actor.accountId);
  if (!account) throw new AppError('unauthenticated', 'Sign in first.');
  return account;
}

/** Step 1 of setting up: a new secret, kept but not in force until a code from it is confirmed. */
export async function enrolSecondFactor(context: SecondFactorContext): Promise<SecondFactorEnrolment> {
  const { tx, actor } = context;
  const account = await requireAccount(tx, actor);
  const secret = newTotpSecret();
  if (account.totpEnabledAt || !(await saveUnconfirmedTotpSecret(tx, actor.accountId, secret)))
    throw new AppError('forbidden', 'The second factor is already set up for this account.');
  await context.audit({
    ...secondFactorAudit('allowed', 'own account'),
    action: 'update',
    resourceId: actor.accountId,
    detail: { stage: 'enrol' },
  });
  return { secret, otpauthUri: totpUri(account.email, secret) };
}

/** Step 2: a code from the new secret turns the second factor on, passes this session, and hands out recovery codes once. */
export async function confirmSecondFactor(context: SecondFactorContext, code: string): Promise<RecoveryCodes> {
  const { tx, actor } = context;
  const account = await requireAccount(tx, actor);
  if (account.totpEnabledAt) throw new AppError('forbidden', 'The second factor is already set up for this account.');
  if (!account.totpSecret) throw new AppError('forbidden', 'Start setting up the authenticator app first.');
  const step = matchTotpStep(account.totpSecret, code);
  if (step === null || !(await acceptTotpStep(tx, actor.accountId, step)))
    return refuseWrongCode(context, account, step === null ? 'wrong code while setting up' : 'reused code while setting up');

  await enableTotp(tx, actor.accountId);
  const recoveryCodes = newRecoveryCodes();
  await replaceRecoveryCodes(tx, actor.accountId, recoveryCodes.map(hashRecoveryCode));
  await passSession(context, 'authenticator set up', { stage: 'confirm' });
  return { recoveryCodes };
}

/** Finishes signing in with a code from the authenticator app, or with one of the recovery codes. */
export async function verifySecondFactor(context: SecondFactorContext, input: VerifySecondFactor): Promise<void> {
  const { tx, actor } = context;
  if (actor.secondFactor === 'enrol') throw new AppError('forbidden', 'Set up the authenticator app first.');
  if (actor.secondFactor === 'done') throw new AppError('forbidden', 'This session has passed its second factor already.');
  const account = await requireAccount(tx, actor);
  if (!account.totpSecret) throw new AppError('forbidden', 'Set up the authenticator app first.');

  if ('recoveryCode' in input) {
    if (!(await useRecoveryCode(tx, actor.accountId, hashRecoveryCode(input.recoveryCode))))
      return refuseWrongCode(context, account, 'wrong or used recovery code');
    await passSession(context, 'recovery code', { recoveryCodesLeft: await countUnusedRecoveryCodes(tx, actor.accountId) });
    return;
  }
  const step = matchTotpStep(account.totpSecret, input.code);
  if (step === null) return refuseWrongCode(context, account, 'wrong code');
  if (!(await acceptTotpStep(tx, actor.accountId, step))) return refuseWrongCode(context, account, 'reused code');
  await passSession(context, 'authenticator code');
}

async function passSession(context: SecondFactorContext, basis: string, detail?: Record<string, unknown>): Promise<void> {
  await markSecondFactorPassed(context.tx, context.actor.sessionId);
  await clearFailedLogins(context.tx, context.actor.accountId);
  await context.audit({ ...secondFactorAudit('allowed', basis, detail), resourceId: context.actor.accountId });
}

/**
 * A wrong code counts like a wrong password: the count survives the refusal, and at the
 * fifth the session ends and the account locks as it would after five wrong passwords.
 */
function refuseWrongCode(context: SecondFactorContext, account: Account, basis: string): never {
  const { actor, realtime } = context;
  const entry = (fields: Omit<AuditEntry, 'actor' | 'familyId' | 'resourceId'>): AuditEntry => ({
    ...fields,
    actor,
    familyId: null,
    resourceId: actor.accountId,
  });
  context.afterRollback(async (tx) => {
    const failures = await recordFailedLogin(tx, actor.accountId, LOCK_AFTER_FAILURES, LOCK_MINUTES);
    await appendAuditEvent(tx, entry({ ...secondFactorAudit('denied', basis), detail: { failures } }));
    if (failures < LOCK_AFTER_FAILURES) return;
    await endSession(tx, actor.sessionId);
    await appendAuditEvent(
      tx,
      entry({ action: 'sign-out', resource: 'session', outcome: 'allowed', basis: 'too many wrong second-factor codes' }),
    );
    await realtime.endSessionSockets([actor.sessionId]);
  });
  if (account.failedLoginCount + 1 >= LOCK_AFTER_FAILURES)
    throw new AppError('unauthenticated', 'Too many wrong codes: the session has ended. Sign in again in a while.');
  throw new AppError('invalid_second_factor', 'Check the code and try again. After several wrong codes you must sign in again.');
}
