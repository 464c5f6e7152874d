import { accountParamsSchema } from '@yhdessa/shared';
import { z } from 'zod';
import { endAllSessionsOf } from '../auth/sessions.repository';
import { AppError, notFound } from '../http/app-error';
import { defineRoute } from '../http/route';
import { disableAccount } from './accounts.repository';

export const accountsRoutes = [
  defineRoute({
    method: 'post',
    path: '/admin/accounts/:accountId/disable',
    summary: 'Disable an account: its sessions and live connections end at once',
    tag: 'accounts',
    access: { kind: 'signed-in', roles: ['admin'] },
    params: accountParamsSchema,
    response: { status: 204, schema: z.void(), description: 'Disabled' },
    async handler({ params }, { tx, actor, audit, afterCommit, realtime }) {
      if (params.accountId === actor.accountId) throw new AppError('forbidden', 'You cannot disable your own account.');
      if (!(await disableAccount(tx, params.accountId))) throw notFound('account');
      await endAllSessionsOf(tx, params.accountId);
      await audit({
        familyId: null,
        action: 'update',
        resource: 'account',
        resourceId: params.accountId,
        outcome: 'allowed',
        basis: 'administrator',
        detail: { disabled: true },
      });
      afterCommit(() => realtime.endAccountSockets(params.accountId));
    },
  }),
];
