import { z } from 'zod';
import { idSchema, isoDateSchema, isoDateTimeSchema, versionSchema } from './ids';
import { cursorSchema, pageLimitSchema } from './paging';

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

/**
 * Why a family needs the professional reading the list now, in the order the attention sort
 * weighs it (the server's `family-attention.ts` says it in full): an overdue action; an invitation
 * a service has not answered (for a worker: one to their own service), or a comment of the family
 * waiting for an answer; a review due within two weeks, or one whose day passed unrecorded.
 * A closed case needs no one.
 */
export const attentionReasons = ['overdue', 'unanswered', 'reviewDue'] as const;
export const attentionReasonSchema = z.enum(attentionReasons);
export type AttentionReason = z.infer<typeof attentionReasonSchema>;

export const familyAttentionSchema = z.object({
  /** The weightiest reason, by which the attention sort places the family; null: nothing needs the reader. */
  reason: attentionReasonSchema.nullable(),
  /** Overdue actions the reader may know of, in an open case (the card's `overdueActionCount` counts closed ones too). */
  overdueActionCount: z.number().int().min(0),
  /** Service invitations waiting for an answer: any service's for the coordinator, their own services' for a worker. */
  unansweredInvitationCount: z.number().int().min(0),
  /** Comment threads whose newest comment is a family member's: on any goal or action for the coordinator, on their own services' actions for a worker. */
  unansweredCommentCount: z.number().int().min(0),
  /** The first scheduled review on or before two weeks from today; earlier than today when its day passed unrecorded. */
  reviewDueOn: isoDateSchema.nullable(),
});
export type FamilyAttention = z.infer<typeof familyAttentionSchema>;

/** One row of a family list. */
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
  /** The family's latest change: its newest event, or the case itself when it has none. */
  changedAt: isoDateTimeSchema,
  /** What needs a coordinator or a worker now; null for family members. */
  attention: familyAttentionSchema.nullable(),
});
export type FamilySummary = z.infer<typeof familySummarySchema>;

/** `attention`: what needs the reader first (the default for professionals); `name`; `changed`: the latest change first. */
export const familySorts = ['attention', 'name', 'changed'] as const;
export const familySortSchema = z.enum(familySorts);
export type FamilySort = z.infer<typeof familySortSchema>;

export const familyListQuerySchema = z.strictObject({
  /** Part of the family's name, any case. */
  q: z.string().trim().max(100).optional(),
  status: familyStatusSchema.optional(),
  /** By attention for coordinators and workers, by name for family members, when not given. */
  sort: familySortSchema.optional(),
  cursor: cursorSchema.optional(),
  limit: pageLimitSchema,
});
export type FamilyListQuery = z.infer<typeof familyListQuerySchema>;

/** One page of the families the caller may see, with the search and filter applied. */
export const familyListSchema = z.object({
  families: z.array(familySummarySchema),
  /** Pass as `cursor` for the next page; null on the last. */
  nextCursor: cursorSchema.nullable(),
  /** The sort the page is in (the default when none was asked). */
  sort: familySortSchema,
  /** Families matching the search and filter, on every page. */
  count: z.number().int().min(0),
  /** Of those, how many need the reader now (`attention.reason` set); 0 for family members. */
  attentionCount: z.number().int().min(0),
});
export type FamilyList = z.infer<typeof familyListSchema>;

export const familyMemberSchema = z.object({
  id: idSchema,
  name: z.string(),
  relation: memberRelationSchema,
  birthYear: z.number().int().nullable(),
});
export type FamilyMember = z.infer<typeof familyMemberSchema>;

const nameSchema = z.string().trim().min(1).max(200);
const birthYearSchema = z.number().int().min(1900).max(2100).nullable();

export const newMemberSchema = z.strictObject({
  name: nameSchema,
  relation: memberRelationSchema,
  /** Null when not known; with it, a new case is checked against existing ones. */
  birthYear: birthYearSchema.default(null),
});
export type NewMember = z.infer<typeof newMemberSchema>;

export const createFamilySchema = z.strictObject({
  name: nameSchema,
  members: z.array(newMemberSchema).max(30).default([]),
  /** Create although a member matches one in another case (name and birth year). */
  confirmDuplicate: z.boolean().default(false),
});
export type CreateFamily = z.infer<typeof createFamilySchema>;

export const memberParamsSchema = z.strictObject({ familyId: idSchema, memberId: idSchema });
export type MemberParams = z.infer<typeof memberParamsSchema>;

export const updateMemberSchema = z.strictObject({
  name: nameSchema.optional(),
  relation: memberRelationSchema.optional(),
  birthYear: birthYearSchema.optional(),
  /** The version the change is based on; a stale one answers 409. */
  version: versionSchema,
});
export type UpdateMember = z.infer<typeof updateMemberSchema>;

/** A member as the case shows it to those who work with it. */
export const familyMemberDetailSchema = familyMemberSchema.extend({
  hasLogin: z.boolean(),
  version: versionSchema,
});
export type FamilyMemberDetail = z.infer<typeof familyMemberDetailSchema>;

/**
 * What the coordinator may set. `closed` makes the case read-only; only its coordinator may
 * reopen it (back to `active`). `new` and `in_review` are set by the flows that own them.
 */
export const updateFamilySchema = z.strictObject({
  name: nameSchema.optional(),
  status: z.enum(['active', 'closed']).optional(),
  version: versionSchema,
});
export type UpdateFamily = z.infer<typeof updateFamilySchema>;

export const pendingHandoverSchema = z.object({
  to: personRefSchema,
  requestedAt: isoDateTimeSchema,
});
export type PendingHandover = z.infer<typeof pendingHandoverSchema>;

/** The family case itself: who coordinates it, its members and any handover waiting for an answer. */
export const familyDetailSchema = z.object({
  id: idSchema,
  name: z.string(),
  status: familyStatusSchema,
  coordinator: personRefSchema,
  pendingHandover: pendingHandoverSchema.nullable(),
  members: z.array(familyMemberDetailSchema),
  version: versionSchema,
  updatedAt: isoDateTimeSchema,
});
export type FamilyDetail = z.infer<typeof familyDetailSchema>;

export const requestHandoverSchema = z.strictObject({
  /** A coordinator account; they own the case once they accept. */
  toCoordinatorId: idSchema,
  version: versionSchema,
});
export type RequestHandover = z.infer<typeof requestHandoverSchema>;

/** The coordinators a case may be handed to: every other coordinator whose account is in use. */
export const handoverCandidatesSchema = z.object({ coordinators: z.array(personRefSchema) });
export type HandoverCandidates = z.infer<typeof handoverCandidatesSchema>;

export const answerHandoverSchema = z.strictObject({ version: versionSchema });
export type AnswerHandover = z.infer<typeof answerHandoverSchema>;

/**
 * A handover as both coordinators see it. It is all the named new coordinator sees of the case
 * until they accept: the family's name, nothing of its content.
 */
export const handoverSchema = z.object({
  family: z.object({ id: idSchema, name: z.string(), status: familyStatusSchema, version: versionSchema }),
  coordinator: personRefSchema,
  pending: pendingHandoverSchema.nullable(),
});
export type Handover = z.infer<typeof handoverSchema>;
