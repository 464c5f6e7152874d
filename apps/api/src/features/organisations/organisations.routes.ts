import { organisationListSchema } from '@yhdessa/shared';
import { administratorsOnly } from '../../http/administrators-only';
import { defineRoute } from '../../http/route';
import { listOrganisations } from './organisations.repository';

export const organisationsRoutes = [
  defineRoute({
    method: 'get',
    path: '/organisations',
    summary: 'The organisations that provide services or employ professionals, by name (administrators)',
    tag: 'organisations',
    access: administratorsOnly,
    response: { status: 200, schema: organisationListSchema, description: 'Organisations by name' },
    handler: async (_input, { tx }) => ({ organisations: await listOrganisations(tx) }),
  }),
];
