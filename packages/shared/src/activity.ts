import { z } from 'zod';
import { roleSchema } from './auth';
import { planPartSchema } from './consents';
import { familyStatusSchema, memberRelationSchema } from './families';
import { idSchema, isoDateSchema, isoDateTimeSchema, localizedTextSchema } from './ids';
import { actionStatusSchema, goalStatusSchema } from './plans';
import { familyEventTypeSchema } from './realtime';
import { reviewStatusSchema } from './reviews';

export const activityQuerySchema = z.strictObject({
  /** Page backwards: entries made of changes older than this position in the family's event log. */
  before: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type ActivityQuery = z.infer<typeof activityQuerySchema>;

/** Who made a change, as far as the reader may know. */
export const activityActorSchema = z.object({
  /** Null when the reader may not know who: a worker of a service the family keeps from the reader's service. */
  name: z.string().nullable(),
  role: roleSchema,
  /** A worker's service in this family, when the reader may know of it. */
  service: localizedTextSchema.nullable(),
  /** A family member's place in the family. */
  relation: memberRelationSchema.nullable(),
});
export type ActivityActor = z.infer<typeof activityActorSchema>;

/**
 * What was changed. Its words are given only when the reader may read the item now; otherwise the
 * entry says only what kind of thing changed.
 */
export const activityItemSchema = z.object({
  id: idSchema,
  /** An action's, goal's or agenda topic's title, a note's first words, a member's, family's or programme's name. */
  title: z.string().nullable(),
  /** The service it concerns: a service role's, a consent's, a usage entry's. */
  service: localizedTextSchema.nullable(),
  /** A review's day. */
  day: isoDateSchema.nullable(),
});
export type ActivityItem = z.infer<typeof activityItemSchema>;

/** The statuses a change can set, as its audit row records them: an action's, a goal's, a review's, the case's. */
export const activityStatusSchema = z.union([actionStatusSchema, goalStatusSchema, reviewStatusSchema, familyStatusSchema]);
export type ActivityStatus = z.infer<typeof activityStatusSchema>;

/**
 * One line of the family's activity: a change, or consecutive changes by one person to one item
 * within a few minutes ("changed 'School meeting' 3 times").
 */
export const activityEntrySchema = z.object({
  /** The newest change's position in the family's event log. */
  seq: z.number().int(),
  /** The newest change's type. */
  type: familyEventTypeSchema,
  /** Null for a change the system made. */
  actor: activityActorSchema.nullable(),
  item: activityItemSchema,
  /** The status the newest change set, when it set one. */
  status: activityStatusSchema.nullable(),
  /** A consent decision: which part is shared or no longer shared (only to those who may read consents). */
  consent: z.object({ part: planPartSchema, granted: z.boolean() }).nullable(),
  /** The item's version after the newest change; for a completed review's `plan.versioned`, the plan version it froze. */
  version: z.number().int(),
  /** How many changes the line stands for. */
  count: z.number().int().min(1),
  firstAt: isoDateTimeSchema,
  lastAt: isoDateTimeSchema,
});
export type ActivityEntry = z.infer<typeof activityEntrySchema>;

export const activitySchema = z.object({
  /** Newest first. */
  entries: z.array(activityEntrySchema),
  /** Pass as `before` for the next (older) page; null at the end. */
  nextBefore: z.number().int().nullable(),
});
export type Activity = z.infer<typeof activitySchema>;
