import type { RecoveryCodes, SecondFactorEnrolment, VerifySecondFactor } from '@yhdessa/shared';
import { clearSecondFactorFailures, recordSecondFactorFailure } from '../accounts';
import { appendAuditEvent, type AuditEntry } from '../../audit/audit.repository';
import type { Tx } from '../../db/database';
import { AppError } from '../../core/app-error';
import type { Actor } from '../../core/actor';
import type { RouteContext, RouteAccess } from '../../http/route';
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

/** The account, unless its second factor is locked: then the session ends, whatever code was sent. */
async function requireAccount(context: SecondFactorContext): Promise<Account> {
  const account = await findSecondFactorAccount(context.tx, context.actor.accountId);
  if (!account) throw new AppError('unauthenticated', 'Sign in first.');
  if (account.secondFactorLockedUntil && account.secondFactorLockedUntil > new Date())
    refuseAndEndSession(context, 'second factor locked', { lockedUntil: account.secondFactorLockedUntil.toISOString() });
  return account;
}

/** Step 1 of setting up: a new secret, kept but not in force until a code from it is confirmed. */
export async function enrolSecondFactor(context: SecondFactorContext): Promise<SecondFactorEnrolment> {
  const { tx, actor } = context;
  const account = await requireAccount(context);
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
  const account = await requireAccount(context);
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
  const account = await requireAccount(context);
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
  await clearSecondFactorFailures(context.tx, context.actor.accountId);
  await context.audit({ ...secondFactorAudit('allowed', basis, detail), resourceId: context.actor.accountId });
}

const auditEntry = (actor: Actor, fields: Omit<AuditEntry, 'actor' | 'familyId' | 'resourceId'>): AuditEntry => ({
  ...fields,
  actor,
  familyId: null,
  resourceId: actor.accountId,
});

const SESSION_ENDED = 'Too many wrong codes: the session has ended. Sign in again in a while.';

/**
 * A wrong code counts against the account, not the session: signing in again with the password
 * does not reset the count (only a right code does). Every fifth wrong code ends the session and
 * locks the second factor, for 15 min and then twice as long each time (see `recordSecondFactorFailure`).
 */
function refuseWrongCode(context: SecondFactorContext, account: Account, basis: string): never {
  const { actor, realtime } = context;
  context.afterRollback(async (tx) => {
    const { failures, lockedUntil } = await recordSecondFactorFailure(tx, actor.accountId, LOCK_AFTER_FAILURES, LOCK_MINUTES);
    await appendAuditEvent(tx, auditEntry(actor, { ...secondFactorAudit('denied', basis), detail: { failures } }));
    if (failures % LOCK_AFTER_FAILURES !== 0) return;
    await appendAuditEvent(
      tx,
      auditEntry(actor, {
        action: 'update',
        resource: 'account',
        outcome: 'allowed',
        basis: `second factor locked after ${failures} wrong codes`,
        detail: { lockedUntil: lockedUntil?.toISOString() ?? null },
      }),
    );
    await endSessionAfterRefusal(tx, actor, realtime);
  });
  if ((account.secondFactorFailureCount + 1) % LOCK_AFTER_FAILURES === 0) throw new AppError('unauthenticated', SESSION_ENDED);
  throw new AppError('invalid_second_factor', 'Check the code and try again. After several wrong codes you must sign in again.');
}

/** While the second factor is locked, any code (even a right one) ends the session; the attempt is audited, not counted. */
function refuseAndEndSession(context: SecondFactorContext, basis: string, detail: Record<string, unknown>): never {
  const { actor, realtime } = context;
  context.afterRollback(async (tx) => {
    await appendAuditEvent(tx, auditEntry(actor, { ...secondFactorAudit('denied', basis), detail }));
    await endSessionAfterRefusal(tx, actor, realtime);
  });
  throw new AppError('unauthenticated', SESSION_ENDED);
}

async function endSessionAfterRefusal(tx: Tx, actor: Actor, realtime: SecondFactorContext['realtime']): Promise<void> {
  await endSession(tx, actor.sessionId);
  await appendAuditEvent(
    tx,
    auditEntry(actor, {
      action: 'sign-out',
      resource: 'session',
      outcome: 'allowed',
      basis: 'too many wrong second-factor codes',
    }),
  );
  await realtime.endSessionSockets([actor.sessionId]);
}
