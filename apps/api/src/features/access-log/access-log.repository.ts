import { and, desc, eq, gte, inArray, isNull, lt, lte, max, min, ne, or, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/database';
import { accounts } from '../../db/tables/accounts';
import { auditEvents } from '../../db/tables/audit';
import { organisations } from '../../db/tables/organisations';
import { auditChainOf } from '../../audit/audit.repository';

export interface AccessLogFilter {
  since: Date;
  /** Leave out the family members' own allowed reads and changes; refusals always stay. */
  hideOwn: boolean;
}

/** The calendar day in Finnish time, the day a family would name. */
const helsinkiDay = sql<string>`to_char(${auditEvents.occurredAt} at time zone 'Europe/Helsinki', 'YYYY-MM-DD')`;

function familyEvents(familyId: string, filter: AccessLogFilter) {
  return and(
    eq(auditEvents.chain, auditChainOf(familyId)),
    gte(auditEvents.occurredAt, filter.since),
    filter.hideOwn
      ? or(isNull(auditEvents.actorRole), ne(auditEvents.actorRole, 'family'), eq(auditEvents.outcome, 'denied'))
      : undefined,
  );
}

/**
 * One page of (person, organisation, day) groups, newest activity first. A group pages by its
 * newest event id, so a group is never split across pages.
 */
export async function listAccessLogGroupKeys(
  familyId: string,
  filter: AccessLogFilter,
  page: { before?: number; limit: number },
  db: Queryable,
) {
  const lastId = max(auditEvents.id);
  return db
    .select({
      actorId: auditEvents.actorId,
      organisationId: auditEvents.organisationId,
      day: helsinkiDay,
      firstId: min(auditEvents.id).mapWith(Number),
      lastId: lastId.mapWith(Number),
    })
    .from(auditEvents)
    .where(familyEvents(familyId, filter))
    .groupBy(auditEvents.actorId, auditEvents.organisationId, helsinkiDay)
    .having(page.before ? lt(lastId, page.before) : undefined)
    .orderBy(desc(lastId))
    .limit(page.limit);
}

/** The events with ids in [fromId, toId], newest first, with who did them and in which organisation. */
export async function listAccessLogEvents(
  familyId: string,
  filter: AccessLogFilter,
  ids: { fromId: number; toId: number; actorIds: string[] },
  db: Queryable,
) {
  return db
    .select({
      id: auditEvents.id,
      occurredAt: auditEvents.occurredAt,
      day: helsinkiDay,
      action: auditEvents.action,
      resource: auditEvents.resource,
      outcome: auditEvents.outcome,
      actorId: auditEvents.actorId,
      organisationId: auditEvents.organisationId,
      actorName: accounts.name,
      actorRole: accounts.role,
      organisation: organisations.name,
    })
    .from(auditEvents)
    .leftJoin(accounts, eq(accounts.id, auditEvents.actorId))
    .leftJoin(organisations, eq(organisations.id, auditEvents.organisationId))
    .where(
      and(
        familyEvents(familyId, filter),
        gte(auditEvents.id, ids.fromId),
        lte(auditEvents.id, ids.toId),
        ids.actorIds.length > 0 ? or(inArray(auditEvents.actorId, ids.actorIds), isNull(auditEvents.actorId)) : undefined,
      ),
    )
    .orderBy(desc(auditEvents.id));
}
export type AccessLogEventRow = Awaited<ReturnType<typeof listAccessLogEvents>>[number];
