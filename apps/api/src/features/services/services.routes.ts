import {
  catalogueServiceSchema,
  createServiceSchema,
  serviceCatalogueSchema,
  serviceParamsSchema,
  updateServiceSchema,
} from '@yhdessa/shared';
import { administratorsOnly } from '../../http/administrators-only';
import { AppError, notFound } from '../../core/app-error';
import { defineRoute } from '../../http/route';
import { insertService, listCatalogue, organisationExists, updateService } from './services.repository';

const unknownOrganisation = () =>
  new AppError('validation_failed', 'No such organisation.', {
    errors: [{ path: 'body.organisationId', message: 'No such organisation' }],
  });

/** The service catalogue. Administrators keep it; they see no case content through it. */
export const servicesRoutes = [
  defineRoute({
    method: 'get',
    path: '/services',
    summary: 'The service catalogue: providers, categories, units and unit costs',
    tag: 'services',
    access: { kind: 'signed-in', roles: ['coordinator', 'worker', 'manager', 'admin'] },
    response: { status: 200, schema: serviceCatalogueSchema, description: 'Services by category and name' },
    handler: async (_input, { tx }) => ({ services: await listCatalogue(tx) }),
  }),
  defineRoute({
    method: 'post',
    path: '/services',
    summary: 'Add a service to the catalogue (administrators)',
    tag: 'services',
    access: administratorsOnly,
    body: createServiceSchema,
    response: { status: 201, schema: catalogueServiceSchema, description: 'The new service' },
    async handler({ body }, { tx, audit }) {
      if (!(await organisationExists(body.organisationId, tx))) throw unknownOrganisation();
      const serviceId = await insertService(body, tx);
      await audit({
        familyId: null,
        action: 'create',
        resource: 'service',
        resourceId: serviceId,
        outcome: 'allowed',
        basis: 'administrator',
      });
      return (await listCatalogue(tx, serviceId))[0]!;
    },
  }),
  defineRoute({
    method: 'patch',
    path: '/services/:serviceId',
    summary: 'Change a catalogue entry (administrators); the fields given replace the old ones',
    tag: 'services',
    access: administratorsOnly,
    params: serviceParamsSchema,
    body: updateServiceSchema,
    response: { status: 200, schema: catalogueServiceSchema, description: 'The service after the change' },
    async handler({ params, body }, { tx, audit }) {
      if (body.organisationId && !(await organisationExists(body.organisationId, tx))) throw unknownOrganisation();
      if (!(await updateService(params.serviceId, body, tx))) throw notFound('service');
      await audit({
        familyId: null,
        action: 'update',
        resource: 'service',
        resourceId: params.serviceId,
        outcome: 'allowed',
        basis: 'administrator',
        detail: { fields: Object.keys(body) },
      });
      return (await listCatalogue(tx, params.serviceId))[0]!;
    },
  }),
];
