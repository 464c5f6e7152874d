import {
  accessLogQuerySchema,
  accessLogSchema,
  auditExportQuerySchema,
  auditExportSchema,
  familyParamsSchema,
} from '@yhdessa/shared';
import { administratorsOnly } from '../../http/administrators-only';
import { authorizeFamily } from '../../access/family-policy';
import { AppError, notFound } from '../../core/app-error';
import { defineRoute } from '../../http/route';
import { listAuditEventsBetween, listFamilyAccessLog } from '../../audit/audit.repository';

/** Families see two years back; the log itself is kept for twelve (docs/security.md). */
const FAMILY_VIEW_DAYS = 2 * 365;
const MAX_EXPORT_DAYS = 366;

export const auditRoutes = [
  defineRoute({
    method: 'get',
    path: '/families/:familyId/access-log',
    summary: 'Who has looked at or changed our data: the last two years, newest first',
    tag: 'audit',
    access: { kind: 'family' },
    params: familyParamsSchema,
    query: accessLogQuerySchema,
    response: { status: 200, schema: accessLogSchema, description: 'A page of the access log' },
    async handler({ params, query }, context) {
      const decision = authorizeFamily(context.actor, 'access-log:read', context.family.relation);
      if (!decision.allowed) {
        context.auditRefusal({
          familyId: params.familyId,
          action: 'read',
          resource: 'access-log',
          resourceId: params.familyId,
          basis: `${decision.basis}: ${decision.reason}`,
        });
        throw notFound('access log');
      }
      const since = new Date(Date.now() - FAMILY_VIEW_DAYS * 86_400_000);
      const rows = await listFamilyAccessLog(params.familyId, { before: query.before, limit: query.limit, since }, context.tx);
      await context.audit({
        familyId: params.familyId,
        action: 'read',
        resource: 'access-log',
        resourceId: params.familyId,
        outcome: 'allowed',
        basis: decision.basis,
      });
      return {
        entries: rows.map((row) => ({
          id: row.id,
          occurredAt: row.occurredAt.toISOString(),
          actor:
            row.actorName && row.actorRole ? { name: row.actorName, role: row.actorRole, organisation: row.organisation } : null,
          action: row.action,
          resource: row.resource,
          outcome: row.outcome,
        })),
        nextBefore: rows.length === query.limit ? rows[rows.length - 1]!.id : null,
      };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/audit/export',
    summary: 'Administrators export the audit log of a time window (at most a year), with its hash chain',
    tag: 'audit',
    access: administratorsOnly,
    query: auditExportQuerySchema,
    response: { status: 200, schema: auditExportSchema, description: 'Audit events in the window, oldest first' },
    async handler({ query }, context) {
      const from = new Date(query.from);
      const to = new Date(query.to);
      if (to < from || to.getTime() - from.getTime() > MAX_EXPORT_DAYS * 86_400_000) {
        throw new AppError('validation_failed', 'Choose a window of at most a year, `from` before `to`.', {
          errors: [{ path: 'query.to', message: 'at most 366 days after from' }],
        });
      }
      const rows = await listAuditEventsBetween(from, to, context.tx);
      await context.audit({
        familyId: null,
        action: 'export',
        resource: 'audit-log',
        resourceId: null,
        outcome: 'allowed',
        basis: 'administrator',
        detail: { from: query.from, to: query.to, count: rows.length },
      });
      return {
        entries: rows.map(({ detail: _detail, occurredAt, ...row }) => ({ ...row, occurredAt: occurredAt.toISOString() })),
      };
    },
  }),
];
