import { accountParamsSchema, adminAccountListSchema, adminAccountQuerySchema } from '@yhdessa/shared';
import { z } from 'zod';
import { administratorsOnly } from '../../http/administrators-only';
import { endAllSessionsOf } from '../auth';
import { AppError, notFound } from '../../core/app-error';
import { defineRoute } from '../../http/route';
import { disableAccount, liftLocks, listAccountsForAdministration } from './accounts.repository';

export const accountsRoutes = [
  defineRoute({
    method: 'get',
    path: '/admin/accounts',
    summary: 'Every account, or those of one role: who, where, which services, disabled, second factor; no family link',
    tag: 'accounts',
    access: administratorsOnly,
    query: adminAccountQuerySchema,
    response: { status: 200, schema: adminAccountListSchema, description: 'Accounts by name' },
    async handler({ query }, { tx, audit }) {
      const accounts = await listAccountsForAdministration(tx, query.role);
      await audit({
        familyId: null,
        action: 'read',
        resource: 'account',
        resourceId: null,
        outcome: 'allowed',
        basis: 'administrator',
        detail: { role: query.role ?? null, count: accounts.length },
      });
      return { accounts };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/admin/accounts/:accountId/disable',
    summary: 'Disable an account: its sessions and live connections end at once',
    tag: 'accounts',
    access: administratorsOnly,
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
  defineRoute({
    method: 'post',
    path: '/admin/accounts/:accountId/unlock',
    summary: 'Lift the locks that wrong passwords or wrong second-factor codes put on an account, and start their counts again',
    tag: 'accounts',
    access: administratorsOnly,
    params: accountParamsSchema,
    response: { status: 204, schema: z.void(), description: 'Unlocked' },
    async handler({ params }, { tx, audit }) {
      if (!(await liftLocks(tx, params.accountId))) throw notFound('account');
      await audit({
        familyId: null,
        action: 'update',
        resource: 'account',
        resourceId: params.accountId,
        outcome: 'allowed',
        basis: 'administrator',
        detail: { locksLifted: true },
      });
    },
  }),
];
