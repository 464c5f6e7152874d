import { auditExportQuerySchema, auditExportSchema } from '@yhdessa/shared';
import { listAuditEventsBetween } from '../../audit/audit.repository';
import { AppError } from '../../core/app-error';
import { administratorsOnly } from '../../http/administrators-only';
import { defineRoute } from '../../http/route';

/** An export covers at most a year, so one request stays a bounded read. */
const MAX_EXPORT_DAYS = 366;

export const auditExportRoutes = [
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
