import { z } from 'zod';
import { isoDateSchema } from './ids';

export const referenceCostKinds = ['placement-outside-home', 'substance-abuse-institution', 'prison'] as const;
export const referenceCostKindSchema = z.enum(referenceCostKinds);
export type ReferenceCostKind = z.infer<typeof referenceCostKindSchema>;

/** The yearly cost of a heavy service, valid today: a reference figure, never a prediction about a family. */
export const referenceCostSchema = z.object({
  kind: referenceCostKindSchema,
  yearlyCostCents: z.number().int(),
  validFrom: isoDateSchema,
});
export type ReferenceCost = z.infer<typeof referenceCostSchema>;

export const referenceCostListSchema = z.object({
  referenceCosts: z.array(referenceCostSchema.extend({ periods: z.array(referenceCostSchema.omit({ kind: true })) })),
});
export type ReferenceCostList = z.infer<typeof referenceCostListSchema>;

export const referenceCostParamsSchema = z.strictObject({ kind: referenceCostKindSchema });

/** A new yearly reference cost, valid from a date on (by default today in the municipality). */
export const setReferenceCostSchema = z.strictObject({
  yearlyCostCents: z.number().int().min(0).max(2_000_000_000),
  validFrom: isoDateSchema.optional(),
});
export type SetReferenceCost = z.infer<typeof setReferenceCostSchema>;
