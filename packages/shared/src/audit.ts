import { z } from 'zod';
import { roleSchema } from './auth';
import { idSchema, isoDateSchema, isoDateTimeSchema } from './ids';

export const auditActions = ['read', 'create', 'update', 'delete', 'sign-in', 'sign-out', 'join', 'export'] as const;
export const auditActionSchema = z.enum(auditActions);
export type AuditAction = z.infer<typeof auditActionSchema>;

export const accessLogActorSchema = z
  .object({ name: z.string(), role: roleSchema, organisation: z.string().nullable() })
  .nullable();

/** One read or change of the family's data, as the family sees it. */
export const accessLogEventSchema = z.object({
  id: z.number().int(),
  occurredAt: isoDateTimeSchema,
  action: auditActionSchema,
  resource: z.string(),
  outcome: z.enum(['allowed', 'denied']),
});
export type AccessLogEvent = z.infer<typeof accessLogEventSchema>;

/** How many times one person did one thing (an action on a resource, allowed or refused) that day. */
export const accessLogThingSchema = accessLogEventSchema
  .pick({ action: true, resource: true, outcome: true })
  .extend({ count: z.number().int().min(1) });
export type AccessLogThing = z.infer<typeof accessLogThingSchema>;

/** The most events one group lists; its count and things still cover them all. */
export const ACCESS_LOG_GROUP_EVENTS = 100;

/** Everything one person did with the family's data on one day (in Finnish time). */
export const accessLogGroupSchema = z.object({
  actor: accessLogActorSchema,
  day: isoDateSchema,
  count: z.number().int().min(1),
  /** Whether any of the day's attempts was refused; refused things stay apart in `things`. */
  refused: z.boolean(),
  things: z.array(accessLogThingSchema),
  firstAt: isoDateTimeSchema,
  lastAt: isoDateTimeSchema,
  /** Newest first, at most ACCESS_LOG_GROUP_EVENTS. */
  events: z.array(accessLogEventSchema),
});
export type AccessLogGroup = z.infer<typeof accessLogGroupSchema>;

export const accessLogOwnOptions = ['hide', 'show'] as const;

export const accessLogQuerySchema = z.strictObject({
  /** Page backwards: groups whose newest event is older than this event id. */
  before: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  /**
   * The family's own members' reads and changes. Hidden by default for family members (they want
   * to see others' use), shown by default for the coordinator. Refused attempts are always shown.
   */
  own: z.enum(accessLogOwnOptions).optional(),
});
export type AccessLogQuery = z.infer<typeof accessLogQuerySchema>;

export const accessLogSchema = z.object({
  /** Newest activity first. */
  groups: z.array(accessLogGroupSchema),
  /** Pass as `before` for the next (older) page; null at the end. */
  nextBefore: z.number().int().nullable(),
  own: z.enum(accessLogOwnOptions),
});
export type AccessLog = z.infer<typeof accessLogSchema>;

export const auditExportQuerySchema = z.strictObject({
  from: isoDateTimeSchema,
  to: isoDateTimeSchema,
});
export type AuditExportQuery = z.infer<typeof auditExportQuerySchema>;

export const auditExportEntrySchema = z.object({
  id: z.number().int(),
  chain: z.string(),
  occurredAt: isoDateTimeSchema,
  actorId: idSchema.nullable(),
  actorRole: z.string().nullable(),
  organisationId: idSchema.nullable(),
  familyId: idSchema.nullable(),
  action: z.string(),
  resource: z.string(),
  resourceId: z.string().nullable(),
  outcome: z.enum(['allowed', 'denied']),
  basis: z.string(),
  prevHash: z.string(),
  hash: z.string(),
});
export const auditExportSchema = z.object({ entries: z.array(auditExportEntrySchema) });
export type AuditExport = z.infer<typeof auditExportSchema>;
