import { z } from 'zod';
import { roleSchema } from './auth';
import { idSchema, isoDateTimeSchema } from './ids';

export const auditActions = ['read', 'create', 'update', 'delete', 'sign-in', 'sign-out', 'join', 'export'] as const;
export const auditActionSchema = z.enum(auditActions);
export type AuditAction = z.infer<typeof auditActionSchema>;

/** One line of "who has looked at or changed our data", as the family sees it. */
export const accessLogEntrySchema = z.object({
  id: z.number().int(),
  occurredAt: isoDateTimeSchema,
  actor: z.object({ name: z.string(), role: roleSchema, organisation: z.string().nullable() }).nullable(),
  action: auditActionSchema,
  resource: z.string(),
  outcome: z.enum(['allowed', 'denied']),
});
export type AccessLogEntry = z.infer<typeof accessLogEntrySchema>;

export const accessLogQuerySchema = z.strictObject({
  /** Page backwards: entries older than this id. */
  before: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const accessLogSchema = z.object({
  entries: z.array(accessLogEntrySchema),
  /** Pass as `before` for the next (older) page; null at the end. */
  nextBefore: z.number().int().nullable(),
});

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
