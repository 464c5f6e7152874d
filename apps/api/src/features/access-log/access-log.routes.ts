import { accessLogQuerySchema, accessLogSchema, familyParamsSchema } from '@yhdessa/shared';
import { authorizeFamily } from '../../access/family-policy';
import { listFamilyAccessLog } from '../../audit/audit.repository';
import { notFound } from '../../core/app-error';
import { defineRoute } from '../../http/route';

/** Families see two years back; the log itself is kept for twelve (docs/security.md). */
const FAMILY_VIEW_DAYS = 2 * 365;

export const accessLogRoutes = [
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
];
