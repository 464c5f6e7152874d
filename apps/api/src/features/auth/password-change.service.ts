import type { ChangePassword } from '@yhdessa/shared';
import { findAccountById, recordFailedLogin, setPasswordHash } from '../accounts';
import { requireStrongPassword } from '../accounts';
import { hashPassword, verifyPassword } from '../accounts';
import { authorizePasswordChange } from '../../access/credentials-policy';
import { appendAuditEvent } from '../../audit/audit.repository';
import { AppError } from '../../core/app-error';
import type { Actor } from '../../core/actor';
import type { RouteAccess, RouteContext } from '../../http/route';
import { LOCK_AFTER_FAILURES, LOCK_MINUTES } from './login.service';
import { endOtherSessionsOf } from './sessions.repository';

type Context = Pick<RouteContext<RouteAccess>, 'tx' | 'audit' | 'auditRefusal' | 'afterCommit' | 'afterRollback' | 'realtime'> & {
  actor: Actor;
};

/**
 * The signed-in user sets a new password, proving it is them with the current one. A wrong
 * current password counts as a failed sign-in towards the lock; while locked, nothing is tried.
 * Every other session of the account ends; this one stays signed in.
 */
export async function changePassword(body: ChangePassword, context: Context): Promise<void> {
  const { tx, actor } = context;
  const account = await findAccountById(tx, actor.accountId);
  if (!account) throw new AppError('unauthenticated', 'Sign in again.');
  const refuse = (basis: string) =>
    context.auditRefusal({ familyId: null, action: 'update', resource: 'password', resourceId: actor.accountId, basis });

  const decision = authorizePasswordChange(account);
  if (!decision.allowed) {
    refuse(decision.basis);
    throw new AppError('forbidden', 'The password of a demo account cannot be changed.');
  }
  if (account.lockedUntil && account.lockedUntil > new Date()) {
    refuse('account locked');
    throw new AppError('rate_limited', 'Too many wrong passwords. Wait a while and try again.');
  }
  if (!(await verifyPassword(account.passwordHash, body.currentPassword))) {
    context.afterRollback(async (failureTx) => {
      await recordFailedLogin(failureTx, account.id, LOCK_AFTER_FAILURES, LOCK_MINUTES);
      await appendAuditEvent(failureTx, {
        actor,
        familyId: null,
        action: 'sign-in',
        resource: 'session',
        resourceId: account.id,
        outcome: 'denied',
        basis: 'wrong password at password change',
      });
    });
    throw new AppError('validation_failed', 'The current password is wrong.', {
      errors: [{ path: 'body.currentPassword', message: 'The current password is wrong.' }],
    });
  }
  requireStrongPassword(body.newPassword, account, 'body.newPassword');

  await setPasswordHash(tx, account.id, await hashPassword(body.newPassword));
  const ended = await endOtherSessionsOf(tx, account.id, actor.sessionId);
  context.afterCommit(() => context.realtime.endSessionSockets(ended));
  await context.audit({
    familyId: null,
    action: 'update',
    resource: 'password',
    resourceId: account.id,
    outcome: 'allowed',
    basis: 'current password',
    detail: { otherSessionsEnded: ended.length },
  });
}
