import { z } from 'zod';
import { idSchema, isoDateSchema, isoDateTimeSchema } from './ids';

const serviceNameSchema = z.strictObject({
  fi: z.string().trim().min(1).max(200),
  sv: z.string().trim().min(1).max(200),
  en: z.string().trim().min(1).max(200),
});

/** An entry of the service catalogue, as professionals see it. */
export const catalogueServiceSchema = z.object({
  id: idSchema,
  name: z.object({ fi: z.string(), sv: z.string().optional(), en: z.string().optional() }),
  category: z.string(),
  organisation: z.object({ id: idSchema, name: z.string() }),
  unit: z.string(),
  /** The price of a unit valid today in the municipality, in cents. */
  unitCostCents: z.number().int(),
  /** Every price period, oldest first: a price change starts a new one and never reprices past usage. */
  prices: z.array(z.object({ validFrom: isoDateSchema, unitCostCents: z.number().int() })),
  description: z.string(),
  contact: z.string(),
  /**
   * Set when the service was retired: plans and costs still name it, but nobody can invite it or
   * join it any more, and forms do not offer it. Null while it is in use.
   */
  retiredAt: isoDateTimeSchema.nullable(),
});
export type CatalogueService = z.infer<typeof catalogueServiceSchema>;

export const serviceCatalogueSchema = z.object({ services: z.array(catalogueServiceSchema) });

export const createServiceSchema = z.strictObject({
  /** The name in every language the product speaks. */
  name: serviceNameSchema,
  category: z.string().trim().min(1).max(100),
  /** The providing organisation. */
  organisationId: idSchema,
  unit: z.string().trim().min(1).max(50),
  unitCostCents: z.number().int().min(0).max(100_000_000),
  description: z.string().max(2_000).default(''),
  contact: z.string().max(500).default(''),
});
export type CreateService = z.infer<typeof createServiceSchema>;

/**
 * Catalogue entries are reference data kept by administrators: a change replaces the fields
 * given, except the price, which starts a new price period from `priceValidFrom` (by default
 * today in the municipality) and leaves the price of earlier usage as it was.
 */
export const updateServiceSchema = z
  .strictObject({
    name: serviceNameSchema.optional(),
    category: z.string().trim().min(1).max(100).optional(),
    organisationId: idSchema.optional(),
    unit: z.string().trim().min(1).max(50).optional(),
    unitCostCents: z.number().int().min(0).max(100_000_000).optional(),
    description: z.string().max(2_000).optional(),
    contact: z.string().max(500).optional(),
    priceValidFrom: isoDateSchema.optional(),
  })
  .refine((change) => change.priceValidFrom === undefined || change.unitCostCents !== undefined, {
    path: ['priceValidFrom'],
    message: 'A price period needs the new unit cost',
  });
export type UpdateService = z.infer<typeof updateServiceSchema>;

export const serviceParamsSchema = z.strictObject({ serviceId: idSchema });
