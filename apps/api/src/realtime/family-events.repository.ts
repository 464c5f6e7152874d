import type { FamilyEvent, FamilyEventType } from '@yhdessa/shared';
import { and, asc, count, eq, gt, sql, type SQL } from 'drizzle-orm';
import type { EventSubject } from '../core/event-subject';
import { queryRows, type Queryable } from '../db/database';
import { familyEvents, familyEventSequences } from '../db/tables/family-events';

/** An event as stored: what went out, and what decided who heard of it. */
export interface StoredFamilyEvent {
  event: FamilyEvent;
  subject: EventSubject;
}

/** More for the event's statement: CTEs (the change's audit link), and a condition to report on (`holds`). */
export interface AlongsideEvent {
  ctes?: SQL;
  /** A boolean expression, evaluated in the statement's snapshot (e.g. that the copies a write used still hold). */
  check?: SQL<boolean>;
}

/**
 * Records the change in its own transaction under the family's next sequence number, in one
 * statement; `alongside` adds to that statement (the change's audit link, the check of its
 * copies), so a change's trailer is one round trip. `holds` is the check's value (true without one).
 */
export async function insertFamilyEvent(
  tx: Queryable,
  event: Omit<FamilyEvent, 'seq'>,
  actorId: string | null,
  subject?: EventSubject,
  alongside: AlongsideEvent = {},
): Promise<{ recorded: FamilyEvent; holds: boolean }> {
  const [row] = await queryRows<{ family_seq: number; holds: boolean }>(
    tx,
    sql`with ${alongside.ctes ? sql`${alongside.ctes}, ` : sql``}next_seq as (
      insert into family_event_sequences (family_id, last_seq) values (${event.familyId}, 1)
      on conflict (family_id) do update set last_seq = family_event_sequences.last_seq + 1
      returning last_seq
    )
    insert into family_events (family_id, family_seq, type, entity_id, version, actor_id, service_role_id, note_visibility)
    select ${event.familyId}::uuid, next_seq.last_seq, ${event.type}::text, ${event.id}::uuid, ${event.version}::integer,
      ${actorId}::uuid, ${subject?.serviceRoleId ?? null}::uuid, ${subject?.visibility ?? null}::note_visibility
    from next_seq
    returning family_seq, ${alongside.check ?? sql`true`} as holds`,
  );
  return { recorded: { ...event, seq: row!.family_seq }, holds: row!.holds };
}

/** The family's last sequence number; 0 before its first event. */
export async function findFamilyEventHead(familyId: string, db: Queryable): Promise<number> {
  const [head] = await db
    .select({ lastSeq: familyEventSequences.lastSeq })
    .from(familyEventSequences)
    .where(eq(familyEventSequences.familyId, familyId));
  return head?.lastSeq ?? 0;
}

/** How many of the family's events came after `afterSeq`. */
export async function countFamilyEventsAfter(familyId: string, afterSeq: number, db: Queryable): Promise<number> {
  const [row] = await db
    .select({ count: count() })
    .from(familyEvents)
    .where(and(eq(familyEvents.familyId, familyId), gt(familyEvents.familySeq, afterSeq)));
  return row?.count ?? 0;
}

/** The family's events after `afterSeq`, oldest first. */
export async function listFamilyEventsAfter(familyId: string, afterSeq: number, db: Queryable): Promise<StoredFamilyEvent[]> {
  const rows = await db
    .select()
    .from(familyEvents)
    .where(and(eq(familyEvents.familyId, familyId), gt(familyEvents.familySeq, afterSeq)))
    .orderBy(asc(familyEvents.familySeq));
  return rows.map(toStored);
}

/** The family's events of the last `seconds`, oldest first. */
export async function listRecentFamilyEvents(familyId: string, seconds: number, db: Queryable): Promise<StoredFamilyEvent[]> {
  const rows = await db
    .select()
    .from(familyEvents)
    .where(and(eq(familyEvents.familyId, familyId), gt(familyEvents.occurredAt, sql`now() - make_interval(secs => ${seconds})`)))
    .orderBy(asc(familyEvents.familySeq));
  return rows.map(toStored);
}

function toStored(row: typeof familyEvents.$inferSelect): StoredFamilyEvent {
  return {
    event: {
      type: row.type as FamilyEventType,
      familyId: row.familyId,
      id: row.entityId,
      version: row.version,
      seq: row.familySeq,
    },
    subject: { serviceRoleId: row.serviceRoleId, ...(row.noteVisibility ? { visibility: row.noteVisibility } : {}) },
  };
}
