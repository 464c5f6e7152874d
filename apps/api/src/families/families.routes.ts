import { familyListSchema } from '@yhdessa/shared';
import { defineRoute } from '../http/route';
import { listFamiliesVisibleTo } from './families.repository';

export const familiesRoutes = [
  defineRoute({
    method: 'get',
    path: '/families',
    summary: 'The families the caller works with or belongs to',
    tag: 'families',
    access: { kind: 'signed-in', roles: ['coordinator', 'worker', 'family'] },
    response: { status: 200, schema: familyListSchema, description: 'Families, by name' },
    async handler(_input, { actor, tx, audit }) {
      const families = await listFamiliesVisibleTo(actor, tx);
      for (const family of families) {
        await audit({
          familyId: family.id,
          action: 'read',
          resource: 'family-summary',
          resourceId: family.id,
          outcome: 'allowed',
          basis: actor.role,
        });
      }
      return { families };
    },
  }),
];
