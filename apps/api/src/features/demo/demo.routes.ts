import { demoAccountSchema, outboxMailSchema } from '@yhdessa/shared';
import { z } from 'zod';
import { defineRoute } from '../../http/route';
import { listRecentMails } from '../../mail/mail-outbox.repository';
import { listedDemoAccounts } from './demo-accounts';

/** Mounted only when DEMO=1; outside demo mode the route does not exist. */
export const demoRoutes = [
  defineRoute({
    method: 'get',
    path: '/demo/accounts',
    summary: 'Demo logins, one or more per role (demo mode only)',
    tag: 'demo',
    access: { kind: 'public', why: 'the sign-in page offers the demo logins' },
    response: { status: 200, schema: z.array(demoAccountSchema), description: 'Demo accounts' },
    async handler() {
      return listedDemoAccounts;
    },
  }),
  defineRoute({
    method: 'get',
    path: '/demo/outbox',
    summary: 'The latest mails, invitation links included, as the development outbox keeps them (demo mode only)',
    tag: 'demo',
    access: { kind: 'public', why: 'a developer opens invitation links without a mail server; demo data only' },
    response: { status: 200, schema: z.array(outboxMailSchema), description: 'Newest first, at most 50' },
    async handler(_input, { tx }) {
      const mails = await listRecentMails(tx, 50);
      return mails.map((mail) => ({
        id: mail.id,
        to: mail.to,
        subject: mail.subject,
        body: mail.body,
        createdAt: mail.createdAt.toISOString(),
        sentAt: mail.sentAt?.toISOString() ?? null,
      }));
    },
  }),
];
