import {
  accountParamsSchema,
  adminAccountListSchema,
  adminAccountQuerySchema,
  adminAccountSchema,
  changeAccountAccessSchema,
  createAccountSchema,
} from '@yhdessa/shared';
import { z } from 'zod';
import { administratorsOnly } from '../../http/administrators-only';
import { endAllSessionsOf } from '../auth';
import { AppError, notFound } from '../../core/app-error';
import { defineRoute } from '../../http/route';
import type { MailSettings } from '../../mail/mailer';
import {
  changeAccountAccess,
  createProfessionalAccount,
  requireAdministratorLeftAfterDisabling,
} from './account-administration.service';
import { enableAccount } from './account-administration.repository';
import { disableAccount, liftLocks, listAccountsForAdministration } from './accounts.repository';

export const accountsRoutes = (settings: MailSettings) => [
  defineRoute({
    method: 'get',
    path: '/admin/accounts',
    summary: 'Every account, or those of one role: who, where, which services, disabled, second factor; no family link',
    tag: 'accounts',
    access: administratorsOnly,
    query: adminAccountQuerySchema,
    response: { status: 200, schema: adminAccountListSchema, description: 'Accounts by name' },
    async handler({ query }, { tx, audit }) {
      const accounts = await listAccountsForAdministration(tx, { role: query.role });
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
    errors: [409],
    async handler({ params }, context) {
      const { tx, actor, audit, afterCommit, realtime } = context;
      if (params.accountId === actor.accountId) throw new AppError('forbidden', 'You cannot disable your own account.');
      await requireAdministratorLeftAfterDisabling(context, params.accountId);
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
    path: '/admin/accounts/:accountId/enable',
    summary: 'Reopen a disabled account: the person signs in again with the password and second factor they had',
    tag: 'accounts',
    access: administratorsOnly,
    params: accountParamsSchema,
    response: { status: 204, schema: z.void(), description: 'Reopened' },
    async handler({ params }, { tx, audit }) {
      if (!(await enableAccount(tx, params.accountId))) throw notFound('account');
      await audit({
        familyId: null,
        action: 'update',
        resource: 'account',
        resourceId: params.accountId,
        outcome: 'allowed',
        basis: 'administrator',
        detail: { disabled: false },
      });
    },
  }),
  defineRoute({
    method: 'post',
    path: '/admin/accounts',
    summary:
      "Create a professional's account (coordinator, worker, manager, administrator); the person sets a password with the link mailed to them",
    tag: 'accounts',
    access: administratorsOnly,
    body: createAccountSchema,
    response: { status: 201, schema: adminAccountSchema, description: 'The new account, waiting for its password' },
    errors: [409],
    handler: ({ body }, context) => createProfessionalAccount(body, context, settings),
  }),
  defineRoute({
    method: 'patch',
    path: '/admin/accounts/:accountId',
    summary:
      'Give a professional another role or other services; refused while their families or service roles have not been handed over, and for the last administrator',
    tag: 'accounts',
    access: administratorsOnly,
    params: accountParamsSchema,
    body: changeAccountAccessSchema,
    response: { status: 200, schema: adminAccountSchema, description: 'The account after the change' },
    errors: [409],
    handler: ({ params, body }, context) => changeAccountAccess(params.accountId, body, context),
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
