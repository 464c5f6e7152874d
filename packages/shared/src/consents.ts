import { z } from 'zod';
import { idSchema, isoDateTimeSchema, versionSchema } from './ids';

/** The parts of a plan a family consents to share with a service, one by one. */
export const planParts = ['story', 'assessment', 'goals', 'notes', 'measurements'] as const;
export const planPartSchema = z.enum(planParts);
export type PlanPart = z.infer<typeof planPartSchema>;

export const consentDecisionSchema = z.strictObject({
  serviceId: idSchema,
  part: planPartSchema,
  granted: z.boolean(),
});
export type ConsentDecision = z.infer<typeof consentDecisionSchema>;

/** One service's current consents in one family, and whether other services may know it is involved. */
export const serviceConsentSchema = z.object({
  serviceId: idSchema,
  parts: z.record(planPartSchema, z.boolean()),
  /** The service's open role in the plan: the role that may be kept from other services. */
  serviceRole: z.object({ id: idSchema, hiddenFromOtherServices: z.boolean(), version: versionSchema }),
});

/**
 * A guardian or the coordinator keeps a service's role from the other services (or shows it again):
 * only the family, the coordinator and the service's own workers then know the service is involved.
 */
export const serviceRoleVisibilitySchema = z.strictObject({
  hiddenFromOtherServices: z.boolean(),
  version: versionSchema,
});
export type ServiceRoleVisibility = z.infer<typeof serviceRoleVisibilitySchema>;

export const consentHistoryEntrySchema = z.object({
  serviceId: idSchema,
  part: planPartSchema,
  granted: z.boolean(),
  decidedBy: z.object({ id: idSchema, name: z.string() }),
  decidedAt: isoDateTimeSchema,
});
export type ConsentHistoryEntry = z.infer<typeof consentHistoryEntrySchema>;

export const familyConsentsSchema = z.object({
  services: z.array(serviceConsentSchema),
  history: z.array(consentHistoryEntrySchema),
});
export type FamilyConsents = z.infer<typeof familyConsentsSchema>;
