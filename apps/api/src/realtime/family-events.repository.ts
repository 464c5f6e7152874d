import type { FamilyEvent, FamilyEventType } from '@yhdessa/shared';
import { and, asc, count, eq, gt, sql } from 'drizzle-orm';
import type { EventSubject } from '../core/event-subject';
import type { Queryable } from '../db/database';
import { familyEvents, familyEventSequences } from '../db/tables/family-events';

/** An event as stored: what went out, and what decided who heard of it. */
export interface StoredFamilyEvent {
  event: FamilyEvent;
  subject: EventSubject;
}

/** Records the change in its own transaction under the family's next sequence number. */
export async function insertFamilyEvent(
  tx: Queryable,
  event: Omit<FamilyEvent, 'seq'>,
  actorId: string | null,
  subject?: EventSubject,
): Promise<FamilyEvent> {
  const [next] = await tx
    .insert(familyEventSequences)
    .values({ familyId: event.familyId, lastSeq: 1 })
    .onConflictDoUpdate({ target: familyEventSequences.familyId, set: { lastSeq: sql`${familyEventSequences.lastSeq} + 1` } })
    .returning({ seq: familyEventSequences.lastSeq });
  await tx.insert(familyEvents).values({
    familyId: event.familyId,
    familySeq: next!.seq,
    type: event.type,
    entityId: event.id,
    version: event.version,
    actorId,
    serviceRoleId: subject?.serviceRoleId ?? null,
    noteVisibility: subject?.visibility ?? null,
  });
  return { ...event, seq: next!.seq };
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
