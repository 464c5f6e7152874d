import { demoAccountSchema } from '@yhdessa/shared';
import { z } from 'zod';
import { defineRoute } from '../http/route';
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
];
