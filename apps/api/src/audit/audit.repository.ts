import type { AuditAction } from '@yhdessa/shared';
import { and, asc, desc, eq, gt, gte, lt, lte, sql } from 'drizzle-orm';
import type { Queryable } from '../db/database';
import type { Actor } from '../http/request-context';
import { GENESIS_HASH, hashAuditLink, type ChainedFields } from './audit-hash';
import { accounts } from '../accounts/accounts.schema';
import { organisations } from '../organisations/organisations.schema';
import { auditEvents } from './audit.schema';

export interface AuditEntry {
  actor: Actor | null;
  familyId: string | null;
  action: AuditAction;
  resource: string;
  resourceId?: string | null;
  outcome: 'allowed' | 'denied';
  /** Why access was (or was not) given: the relationship or rule that decided. */
  basis: string;
  detail?: Record<string, unknown>;
}

export function auditChainOf(familyId: string | null): string {
  return familyId ? `family:${familyId}` : 'system';
}

/**
 * Appends one link to the entry's chain. Runs in the caller's transaction, so the audit row and
 * the change it records commit together or not at all.
 */
export async function appendAuditEvent(tx: Queryable, entry: AuditEntry): Promise<void> {
  const chain = auditChainOf(entry.familyId);
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${chain}, 0))`);
  const [last] = await tx
    .select({ hash: auditEvents.hash })
    .from(auditEvents)
    .where(eq(auditEvents.chain, chain))
    .orderBy(desc(auditEvents.id))
    .limit(1);
  const fields: ChainedFields = {
    chain,
    occurredAt: new Date(),
    actorId: entry.actor?.accountId ?? null,
    actorRole: entry.actor?.role ?? null,
    organisationId: entry.actor?.organisationId ?? null,
    familyId: entry.familyId,
    action: entry.action,
    resource: entry.resource,
    resourceId: entry.resourceId ?? null,
    outcome: entry.outcome,
    basis: entry.basis,
    detail: entry.detail ?? null,
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  await tx.insert(auditEvents).values({ ...fields, prevHash, hash: hashAuditLink(prevHash, fields) });
}

export interface ChainVerification {
  chains: number;
  events: number;
  firstBrokenLink: { chain: string; id: number; reason: string } | null;
}

/** Walks every chain from its start and reports the first link whose hash does not hold. */
export async function verifyAuditChains(db: Queryable): Promise<ChainVerification> {
  const chainRows = await db.selectDistinct({ chain: auditEvents.chain }).from(auditEvents);
  let events = 0;
  for (const { chain } of chainRows) {
    let prevHash = GENESIS_HASH;
    let afterId = 0;
    for (;;) {
      const page = await db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.chain, chain), gt(auditEvents.id, afterId)))
        .orderBy(asc(auditEvents.id))
        .limit(1000);
      if (page.length === 0) break;
      for (const row of page) {
        events += 1;
        if (row.prevHash !== prevHash)
          return {
            chains: chainRows.length,
            events,
            firstBrokenLink: { chain, id: row.id, reason: 'previous hash does not match' },
          };
        if (hashAuditLink(prevHash, row) !== row.hash)
          return {
            chains: chainRows.length,
            events,
            firstBrokenLink: { chain, id: row.id, reason: 'content does not match its hash' },
          };
        prevHash = row.hash;
        afterId = row.id;
      }
    }
  }
  return { chains: chainRows.length, events, firstBrokenLink: null };
}

/** The family's own view of its chain, newest first, within the retention window shown to families. */
export async function listFamilyAccessLog(
  familyId: string,
  page: { before?: number; limit: number; since: Date },
  db: Queryable,
) {
  return db
    .select({
      id: auditEvents.id,
      occurredAt: auditEvents.occurredAt,
      action: auditEvents.action,
      resource: auditEvents.resource,
      outcome: auditEvents.outcome,
      actorName: accounts.name,
      actorRole: accounts.role,
      organisation: organisations.name,
    })
    .from(auditEvents)
    .leftJoin(accounts, eq(accounts.id, auditEvents.actorId))
    .leftJoin(organisations, eq(organisations.id, auditEvents.organisationId))
    .where(
      and(
        eq(auditEvents.chain, auditChainOf(familyId)),
        gte(auditEvents.occurredAt, page.since),
        page.before ? lt(auditEvents.id, page.before) : undefined,
      ),
    )
    .orderBy(desc(auditEvents.id))
    .limit(page.limit);
}

/** Cross-family read for administrators: every event in a time window, for export. */
export async function listAuditEventsBetween(from: Date, to: Date, db: Queryable) {
  return db
    .select()
    .from(auditEvents)
    .where(and(gte(auditEvents.occurredAt, from), lte(auditEvents.occurredAt, to)))
    .orderBy(asc(auditEvents.id));
}
