import { z } from 'zod';
import { idSchema, isoDateSchema, isoDateTimeSchema } from './ids';

export const familyStatuses = ['new', 'active', 'in_review', 'closed'] as const;
export const familyStatusSchema = z.enum(familyStatuses);
export type FamilyStatus = z.infer<typeof familyStatusSchema>;

export const memberRelations = ['child', 'guardian', 'other'] as const;
export const memberRelationSchema = z.enum(memberRelations);
export type MemberRelation = z.infer<typeof memberRelationSchema>;

export const familyParamsSchema = z.strictObject({ familyId: idSchema });
export type FamilyParams = z.infer<typeof familyParamsSchema>;

export const personRefSchema = z.object({ id: idSchema, name: z.string() });
export type PersonRef = z.infer<typeof personRefSchema>;

/** One row of a professional's family list. */
export const familySummarySchema = z.object({
  id: idSchema,
  name: z.string(),
  status: familyStatusSchema,
  coordinator: personRefSchema,
  memberCount: z.number().int(),
  serviceCount: z.number().int(),
  openActionCount: z.number().int(),
  overdueActionCount: z.number().int(),
  nextReviewOn: isoDateSchema.nullable(),
  updatedAt: isoDateTimeSchema,
});
export type FamilySummary = z.infer<typeof familySummarySchema>;

export const familyListSchema = z.object({ families: z.array(familySummarySchema) });
export type FamilyList = z.infer<typeof familyListSchema>;

export const familyMemberSchema = z.object({
  id: idSchema,
  name: z.string(),
  relation: memberRelationSchema,
  birthYear: z.number().int().nullable(),
});
export type FamilyMember = z.infer<typeof familyMemberSchema>;
