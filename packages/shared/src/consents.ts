import { z } from 'zod';
import { idSchema, isoDateTimeSchema } from './ids';

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

/** One service's current consents in one family. */
export const serviceConsentSchema = z.object({
  serviceId: idSchema,
  parts: z.record(planPartSchema, z.boolean()),
});

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
