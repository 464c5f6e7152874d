import { PASSWORD_RESET_VALID_HOURS, type PasswordResetRequest } from '@yhdessa/shared';
import { findAccountByEmail, findAccountById } from '../accounts';
import { authorizePasswordReset } from '../../access/credentials-policy';
import type { Config } from '../../core/config';
import type { Tx } from '../../db/database';
import type { RouteAccess, RouteContext } from '../../http/route';
import { invitationTokenHash, newInvitationToken } from '../invitations';
import { expireOpenInvitationsOf, insertInvitation } from '../invitations';
import type { Mailer } from '../../mail/mailer';
import { passwordResetMail } from './password-reset-mail';
import { endAllSessionsOf } from './sessions.repository';

type Context = Pick<RouteContext<RouteAccess>, 'tx' | 'audit' | 'afterCommit' | 'realtime'>;

/** Every answer takes at least this long, so its timing does not tell whether a link was made. */
export const RESET_ANSWER_MIN_MS = 400;

/**
 * Someone asks for a reset link for an address. An enabled account with a password gets a new
 * single-use link by mail, valid an hour, and older links stop working; any other address gets
 * nothing. The caller learns nothing either way: the answer and its timing are the same.
 */
export async function requestPasswordReset(
  body: PasswordResetRequest,
  context: Context,
  settings: { config: Pick<Config, 'PUBLIC_URL'>; mailer: Mailer },
): Promise<void> {
  const started = Date.now();
  const account = await findAccountByEmail(context.tx, body.email);
  const decision = authorizePasswordReset(account);
  if (account && decision.allowed) {
    await expireOpenInvitationsOf(context.tx, account.id);
    const token = newInvitationToken();
    const row = await insertInvitation(context.tx, {
      tokenHash: invitationTokenHash(token),
      kind: 'password-reset',
      accountId: account.id,
      invitedBy: account.id,
      expiresAt: new Date(Date.now() + PASSWORD_RESET_VALID_HOURS * 3_600_000),
    });
    await settings.mailer.queue(
      context,
      passwordResetMail({ to: account.email, name: account.name, link: `${settings.config.PUBLIC_URL}/kutsu/${token}` }),
      { waitForSending: false },
    );
    await context.audit(resetAudit(account.id, row.id, 'allowed', 'reset link mailed'));
  } else {
    await context.audit(resetAudit(account?.id ?? null, null, 'denied', decision.allowed ? '' : decision.basis));
  }
  context.afterCommit(() => waitUntil(started + RESET_ANSWER_MIN_MS));
}

/** Whether a reset link may still set the password when it is used. */
export async function mayResetPassword(tx: Tx, accountId: string): Promise<boolean> {
  return authorizePasswordReset(await findAccountById(tx, accountId)).allowed;
}

/**
 * After a reset link set the password: whoever knew the old one is signed out everywhere. The
 * password lock was lifted with the new password; the second factor stays as it was.
 */
export async function finishPasswordReset(context: Context, accountId: string): Promise<void> {
  await endAllSessionsOf(context.tx, accountId);
  context.afterCommit(() => context.realtime.endAccountSockets(accountId));
  await context.audit({
    familyId: null,
    action: 'sign-out',
    resource: 'session',
    resourceId: accountId,
    outcome: 'allowed',
    basis: 'password reset: every session',
  });
}

function resetAudit(accountId: string | null, resourceId: string | null, outcome: 'allowed' | 'denied', basis: string) {
  return {
    familyId: null,
    action: 'create',
    resource: 'password-reset',
    resourceId,
    outcome,
    basis,
    detail: { accountId },
  } as const;
}

function waitUntil(time: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, time - Date.now())));
}
