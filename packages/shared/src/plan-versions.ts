import { z } from 'zod';
import { idSchema, isoDateTimeSchema, MAX_STORED_INTEGER } from './ids';
import { planSnapshotSchema } from './plans';

/** A plan version number as it comes in a path or query. */
const versionNumberParam = z.coerce.number().int().min(1).max(MAX_STORED_INTEGER);

export const planVersionParamsSchema = z.strictObject({ familyId: idSchema, version: versionNumberParam });
export type PlanVersionParams = z.infer<typeof planVersionParamsSchema>;

export const planVersionSummarySchema = z.object({
  version: z.number().int(),
  reviewId: idSchema.nullable(),
  frozenAt: isoDateTimeSchema,
});

export const planVersionListSchema = z.object({ versions: z.array(planVersionSummarySchema) });
export type PlanVersionList = z.infer<typeof planVersionListSchema>;

/** A frozen plan version: the plan as it stood when its review was completed. */
export const planVersionSchema = planVersionSummarySchema.extend({ plan: planSnapshotSchema });
export type PlanVersion = z.infer<typeof planVersionSchema>;

export const planVersionCompareQuerySchema = z.strictObject({
  from: versionNumberParam,
  to: versionNumberParam,
});
export type PlanVersionCompareQuery = z.infer<typeof planVersionCompareQuerySchema>;

export const fieldChangeSchema = z.object({ field: z.string(), before: z.unknown(), after: z.unknown() });

const entityRefSchema = z.object({ id: idSchema, title: z.string() });

/** What changed in one kind of plan entity between two versions. */
export const entityChangesSchema = z.object({
  added: z.array(entityRefSchema),
  removed: z.array(entityRefSchema),
  changed: z.array(entityRefSchema.extend({ fields: z.array(fieldChangeSchema) })),
});
export type EntityChanges = z.infer<typeof entityChangesSchema>;

export const planVersionComparisonSchema = z.object({
  from: z.number().int(),
  to: z.number().int(),
  goals: entityChangesSchema,
  serviceRoles: entityChangesSchema,
  actions: entityChangesSchema,
});
export type PlanVersionComparison = z.infer<typeof planVersionComparisonSchema>;
