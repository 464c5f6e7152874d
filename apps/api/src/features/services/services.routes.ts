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
import {
  insertService,
  isBeforeToday,
  listCatalogue,
  organisationExists,
  setServiceRetired,
  startPricePeriod,
  updateService,
} from './services.repository';

const pastPriceStart = () =>
  new AppError('validation_failed', 'A price change cannot start in the past: recorded usage keeps its price.', {
    errors: [{ path: 'body.priceValidFrom', message: 'Today or later' }],
  });

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
    async handler({ body }, { tx, audit, actor }) {
      if (!(await organisationExists(body.organisationId, tx))) throw unknownOrganisation();
      const serviceId = await insertService(body, actor.accountId, tx);
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
    summary:
      'Change a catalogue entry (administrators); the fields given replace the old ones, a new unit cost starts a price period',
    tag: 'services',
    access: administratorsOnly,
    params: serviceParamsSchema,
    body: updateServiceSchema,
    response: { status: 200, schema: catalogueServiceSchema, description: 'The service after the change' },
    async handler({ params, body }, { tx, audit, actor }) {
      const { unitCostCents, priceValidFrom, ...fields } = body;
      if (fields.organisationId && !(await organisationExists(fields.organisationId, tx))) throw unknownOrganisation();
      if (priceValidFrom && (await isBeforeToday(priceValidFrom, tx))) throw pastPriceStart();
      if (!(await updateService(params.serviceId, fields, tx))) throw notFound('service');
      const price =
        unitCostCents === undefined
          ? null
          : await startPricePeriod(params.serviceId, { unitCostCents, validFrom: priceValidFrom }, actor.accountId, tx);
      await audit({
        familyId: null,
        action: 'update',
        resource: 'service',
        resourceId: params.serviceId,
        outcome: 'allowed',
        basis: 'administrator',
        detail: {
          fields: Object.keys(fields),
          ...(price && {
            price: { validFrom: price.validFrom, from: price.previousUnitCostCents, to: unitCostCents },
          }),
        },
      });
      return (await listCatalogue(tx, params.serviceId))[0]!;
    },
  }),
  ...(['retire', 'restore'] as const).map((change) =>
    defineRoute({
      method: 'post',
      path: `/services/:serviceId/${change}`,
      summary:
        change === 'retire'
          ? 'Retire a service (administrators): plans, usage and costs keep it, but it cannot be invited to a plan or joined by a worker'
          : 'Take a retired service back into use (administrators)',
      tag: 'services',
      access: administratorsOnly,
      params: serviceParamsSchema,
      response: { status: 200, schema: catalogueServiceSchema, description: 'The service after the change' },
      async handler({ params }, { tx, audit }) {
        if (!(await setServiceRetired(params.serviceId, change === 'retire', tx))) throw notFound('service');
        await audit({
          familyId: null,
          action: 'update',
          resource: 'service',
          resourceId: params.serviceId,
          outcome: 'allowed',
          basis: 'administrator',
          detail: { retired: change === 'retire' },
        });
        return (await listCatalogue(tx, params.serviceId))[0]!;
      },
    }),
  ),
];
