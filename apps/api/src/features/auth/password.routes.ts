import { changePasswordSchema, passwordResetRequestSchema, roles as allRoles } from '@yhdessa/shared';
import { z } from 'zod';
import type { Config } from '../../core/config';
import { defineRoute } from '../../http/route';
import type { Mailer } from '../../mail/mailer';
import { changePassword } from './password-change.service';
import { requestPasswordReset } from './password-reset.service';

export function passwordRoutes(settings: { config: Pick<Config, 'PUBLIC_URL'>; mailer: Mailer }) {
  return [
    defineRoute({
      method: 'post',
      path: '/auth/password',
      summary:
        'Change your password with the current one; your other sessions end, this one stays. A wrong current password counts as a failed sign-in',
      tag: 'auth',
      access: { kind: 'signed-in', roles: allRoles },
      body: changePasswordSchema,
      response: { status: 204, schema: z.void(), description: 'Password changed' },
      errors: [403, 429],
      handler: ({ body }, context) => changePassword(body, context),
    }),
    defineRoute({
      method: 'post',
      path: '/auth/password-reset',
      summary:
        'Ask for a password-reset link by mail, valid for one hour. The answer is the same whether or not the address has an account',
      tag: 'auth',
      access: {
        kind: 'public',
        why: 'whoever forgot their password cannot sign in; the link goes only to the mailbox of the account',
      },
      body: passwordResetRequestSchema,
      response: { status: 204, schema: z.void(), description: 'If the address has an account, a link is on its way' },
      errors: [429],
      handler: ({ body }, context) => requestPasswordReset(body, context, settings),
    }),
  ];
}
