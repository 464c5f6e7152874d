import {
  ACCESS_LOG_GROUP_EVENTS,
  type AccessLog,
  type AccessLogGroup,
  type AccessLogQuery,
  type AccessLogThing,
} from '@yhdessa/shared';
import { authorizeFamily } from '../../access/family-policy';
import { notFound } from '../../core/app-error';
import type { RouteContext } from '../../http/route';
import { listAccessLogEvents, listAccessLogGroupKeys, type AccessLogEventRow } from './access-log.repository';

type FamilyContext = RouteContext<{ kind: 'family' }>;

/** Families see two years back; the log itself is kept for twelve (docs/security.md). */
const FAMILY_VIEW_DAYS = 2 * 365;

const groupKey = (row: { actorId: string | null; organisationId: string | null; day: string }) =>
  `${row.actorId ?? ''}|${row.organisationId ?? ''}|${row.day}`;

function toGroup(rows: AccessLogEventRow[]): AccessLogGroup {
  const newest = rows[0]!;
  const things = new Map<string, AccessLogThing>();
  for (const row of rows) {
    const key = `${row.outcome}|${row.action}|${row.resource}`;
    const thing = things.get(key);
    if (thing) thing.count += 1;
    else things.set(key, { action: row.action, resource: row.resource, outcome: row.outcome, count: 1 });
  }
  return {
    actor:
      newest.actorName && newest.actorRole
        ? { name: newest.actorName, role: newest.actorRole, organisation: newest.organisation }
        : null,
    day: newest.day,
    count: rows.length,
    refused: rows.some((row) => row.outcome === 'denied'),
    // Refused things first, so a refusal is the first thing said of the day, never buried.
    things: [...things.values()].sort((a, b) => Number(b.outcome === 'denied') - Number(a.outcome === 'denied')),
    firstAt: rows[rows.length - 1]!.occurredAt.toISOString(),
    lastAt: newest.occurredAt.toISOString(),
    events: rows.slice(0, ACCESS_LOG_GROUP_EVENTS).map((row) => ({
      id: row.id,
      occurredAt: row.occurredAt.toISOString(),
      action: row.action,
      resource: row.resource,
      outcome: row.outcome,
    })),
  };
}

/**
 * "Who has looked at our data", one group per person and day, newest activity first. A family
 * member sees others' use unless they ask for their own too; the coordinator sees it all.
 */
export async function readAccessLog(familyId: string, query: AccessLogQuery, context: FamilyContext): Promise<AccessLog> {
  const decision = authorizeFamily(context.actor, 'access-log:read', context.family.relation);
  if (!decision.allowed) {
    context.auditRefusal({
      familyId,
      action: 'read',
      resource: 'access-log',
      resourceId: familyId,
      basis: `${decision.basis}: ${decision.reason}`,
    });
    throw notFound('access log');
  }
  const own = query.own ?? (context.actor.role === 'family' ? 'hide' : 'show');
  const filter = { since: new Date(Date.now() - FAMILY_VIEW_DAYS * 86_400_000), hideOwn: own === 'hide' };
  const keys = await listAccessLogGroupKeys(familyId, filter, { before: query.before, limit: query.limit }, context.tx);
  const groups: AccessLogGroup[] = [];
  if (keys.length > 0) {
    const rows = await listAccessLogEvents(
      familyId,
      filter,
      {
        fromId: Math.min(...keys.map((key) => key.firstId)),
        toId: keys[0]!.lastId,
        actorIds: [...new Set(keys.flatMap((key) => (key.actorId ? [key.actorId] : [])))],
      },
      context.tx,
    );
    const rowsByGroup = new Map<string, AccessLogEventRow[]>();
    for (const row of rows) rowsByGroup.set(groupKey(row), [...(rowsByGroup.get(groupKey(row)) ?? []), row]);
    for (const key of keys) groups.push(toGroup(rowsByGroup.get(groupKey(key))!));
  }
  await context.audit({
    familyId,
    action: 'read',
    resource: 'access-log',
    resourceId: familyId,
    outcome: 'allowed',
    basis: decision.basis,
  });
  return { groups, own, nextBefore: keys.length === query.limit ? keys[keys.length - 1]!.lastId : null };
}
