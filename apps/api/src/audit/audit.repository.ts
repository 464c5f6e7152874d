import { createHash } from 'node:crypto';
import type { AuditAction } from '@yhdessa/shared';
import { and, asc, eq, gt, gte, lte, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Queryable } from '../db/database';
import type { Actor } from '../core/actor';
import {
  canonicalAuditFields,
  CURRENT_HASH_VERSION,
  GENESIS_HASH,
  hashAuditLink,
  type ChainedFields,
  type HashVersion,
} from './audit-hash';
import { auditChainHeads, auditEvents } from '../db/tables/audit';

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

/** SHA-256 in hex, in SQL, of the previous hash followed by the link's canonical fields. */
const linkHash = (prevHash: SQL, canonical: string | SQL) =>
  sql`encode(sha256(convert_to(${prevHash} || ${canonical}::text, 'UTF8')), 'hex')`;

/** A recorded entry with the moment it happened: a link's fields in chain order. */
export function chainedFieldsOf(entry: AuditEntry, occurredAt = new Date()): ChainedFields {
  return {
    chain: auditChainOf(entry.familyId),
    occurredAt,
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
}

const detailJson = (fields: ChainedFields) => (fields.detail === null ? null : JSON.stringify(fields.detail));

/**
 * Appends one link to the entry's chain in one statement (`auditLinkCtes`). Runs in the caller's
 * transaction, so the audit row and the change it records commit together or not at all.
 */
export async function appendAuditEvent(tx: Queryable, entry: AuditEntry): Promise<void> {
  await appendAuditLink(tx, chainedFieldsOf(entry));
}

/** Appends one link whose fields are already fixed (see `chainedFieldsOf`). */
export async function appendAuditLink(tx: Queryable, fields: ChainedFields): Promise<void> {
  await tx.execute(sql`with ${auditLinkCtes(fields)} select 1`);
}

/**
 * Appends several links, in the order given, in one statement where their chains have heads
 * (`appendRequestLinksCtes`); a chain's very first link goes by `appendAuditLink`. In the caller's
 * transaction, like `appendAuditLink`.
 */
export async function appendAuditLinks(tx: Queryable, links: readonly ChainedFields[]): Promise<void> {
  if (links.length <= 1) {
    for (const fields of links) await appendAuditLink(tx, fields);
    return;
  }
  const unchained = await queryRows<{ ord: number }>(
    tx,
    sql`with recursive ${appendRequestLinksCtes(
      links.map((fields) => ({ request: 0, fields })),
      sql`select 0 as request`,
    )} select ord from audit_unchained order by ord`,
  );
  for (const { ord } of unchained) await appendAuditLink(tx, links[ord]!);
}

/**
 * The CTEs (`audit_head`, `audit_link`) that append one link to its chain: the chain's head row
 * moves to the new link (its row lock orders appends to one chain until commit) and the audit row
 * is inserted with the hashes the head returns. For a statement that does more of the same change.
 */
export function auditLinkCtes(fields: ChainedFields): SQL {
  const canonical = canonicalAuditFields(fields);
  return sql`audit_head as (
      insert into audit_chain_heads as h (chain, prev_hash, last_hash)
      values (${fields.chain}, ${GENESIS_HASH}, ${linkHash(sql`${GENESIS_HASH}::text`, canonical)})
      on conflict (chain) do update set prev_hash = h.last_hash, last_hash = ${linkHash(sql`h.last_hash`, canonical)}
      returning prev_hash, last_hash
    ),
    audit_link as (
      insert into audit_events (chain, occurred_at, actor_id, actor_role, organisation_id, family_id, action, resource,
        resource_id, outcome, basis, detail, prev_hash, hash, hash_version)
      select ${fields.chain}, ${fields.occurredAt.toISOString()}::timestamptz, ${fields.actorId}::uuid, ${fields.actorRole}::text,
        ${fields.organisationId}::uuid, ${fields.familyId}::uuid, ${fields.action}::text, ${fields.resource}::text,
        ${fields.resourceId}::text, ${fields.outcome}::text, ${fields.basis}::text,
        ${detailJson(fields)}::jsonb, audit_head.prev_hash, audit_head.last_hash, ${CURRENT_HASH_VERSION}::smallint
      from audit_head
    )`;
}

/** A link to append in a group commit, with the number of the request it belongs to. */
export interface RequestLink {
  request: number;
  fields: ChainedFields;
}

/**
 * CTEs that append the links of the requests that `admitted` lists (a query with column
 * `request`), in the order given, within one statement: the heads of their chains are locked,
 * each chain's links hashed in SQL one after the other (the formula of `auditLinkCtes`), the rows
 * inserted and the heads moved. `audit_unchained` lists (`ord`) the admitted links whose chain
 * has no head yet: the caller appends those with `appendAuditLink`, whose insert-or-update cannot
 * race another first link.
 */
export function appendRequestLinksCtes(links: readonly RequestLink[], admitted: SQL): SQL {
  const column = <T>(pick: (link: RequestLink, ord: number) => T) => sql.param(links.map((link, ord) => pick(link, ord)));
  return sql`admitted_requests as (${admitted}),
    audit_input as (
      select l.* from unnest(${column((_, ord) => ord)}::int[], ${column((link) => link.request)}::int[],
        ${column((link) => link.fields.chain)}::text[], ${column((link) => link.fields.occurredAt.toISOString())}::text[],
        ${column((link) => link.fields.actorId)}::text[], ${column((link) => link.fields.actorRole)}::text[],
        ${column((link) => link.fields.organisationId)}::text[], ${column((link) => link.fields.familyId)}::text[],
        ${column((link) => link.fields.action)}::text[], ${column((link) => link.fields.resource)}::text[],
        ${column((link) => link.fields.resourceId)}::text[], ${column((link) => link.fields.outcome)}::text[],
        ${column((link) => link.fields.basis)}::text[], ${column((link) => detailJson(link.fields))}::text[],
        ${column((link) => canonicalAuditFields(link.fields))}::text[])
        as l(ord, request, chain, occurred_at, actor_id, actor_role, organisation_id, family_id, action, resource,
          resource_id, outcome, basis, detail, canonical)
      where l.request in (select request from admitted_requests)
    ),
    audit_head as (
      select chain, last_hash from audit_chain_heads where chain in (select chain from audit_input) order by chain for update
    ),
    audit_numbered as (select a.*, row_number() over (partition by a.chain order by a.ord) as n from audit_input a),
    audit_chained(chain, n, prev_hash, hash) as (
      select a.chain, a.n, h.last_hash, ${linkHash(sql`h.last_hash`, sql`a.canonical`)}
      from audit_numbered a join audit_head h on h.chain = a.chain where a.n = 1
      union all
      select a.chain, a.n, c.hash, ${linkHash(sql`c.hash`, sql`a.canonical`)}
      from audit_chained c join audit_numbered a on a.chain = c.chain and a.n = c.n + 1
    ),
    audit_inserted as (
      insert into audit_events (chain, occurred_at, actor_id, actor_role, organisation_id, family_id, action, resource,
        resource_id, outcome, basis, detail, prev_hash, hash, hash_version)
      select a.chain, a.occurred_at::timestamptz, a.actor_id::uuid, a.actor_role, a.organisation_id::uuid, a.family_id::uuid,
        a.action, a.resource, a.resource_id, a.outcome, a.basis, a.detail::jsonb, c.prev_hash, c.hash, ${CURRENT_HASH_VERSION}::smallint
      from audit_chained c join audit_numbered a on a.chain = c.chain and a.n = c.n
      order by a.ord
    ),
    audit_moved as (
      update audit_chain_heads h set prev_hash = newest.prev_hash, last_hash = newest.hash
      from (select distinct on (chain) chain, prev_hash, hash from audit_chained order by chain, n desc) newest
      where h.chain = newest.chain
    ),
    audit_unchained as (select ord from audit_input where chain not in (select chain from audit_head))`;
}

export interface ChainVerification {
  chains: number;
  events: number;
  firstBrokenLink: { chain: string; id: number; reason: string } | null;
}

type BrokenLink = NonNullable<ChainVerification['firstBrokenLink']>;

/**
 * Walks every chain from its start and reports the first link whose hash does not hold, a chain
 * whose newest link is not the one its head row names (rows deleted from the end, or a head row
 * missing), and a family whose plan has changed (it has events) but whose chain is empty or gone
 * (the whole chain deleted or truncated).
 */
export async function verifyAuditChains(db: Queryable): Promise<ChainVerification> {
  const heads = await readChainHeads(db);
  const chains = [
    ...new Set([
      ...(await db.selectDistinct({ chain: auditEvents.chain }).from(auditEvents)).map((row) => row.chain),
      ...heads.keys(),
    ]),
  ];
  let events = 0;
  for (const chain of chains) {
    const walked = await walkChain(db, chain, heads.get(chain));
    events += walked.events;
    if (walked.broken) return { chains: chains.length, events, firstBrokenLink: walked.broken };
  }
  const [unchained] = await queryRows<{ family_id: string }>(
    db,
    sql`select distinct fe.family_id from family_events fe
      where not exists (select 1 from audit_chain_heads h where h.chain = 'family:' || fe.family_id::text)
      order by fe.family_id limit 1`,
  );
  if (unchained)
    return {
      chains: chains.length,
      events,
      firstBrokenLink: {
        chain: auditChainOf(unchained.family_id),
        id: 0,
        reason: 'the family has changes but its chain is empty: the chain was deleted',
      },
    };
  return { chains: chains.length, events, firstBrokenLink: null };
}

async function readChainHeads(db: Queryable): Promise<Map<string, string>> {
  const rows = await db.select({ chain: auditChainHeads.chain, lastHash: auditChainHeads.lastHash }).from(auditChainHeads);
  return new Map(rows.map((head) => [head.chain, head.lastHash]));
}

/** The heads of every chain, to keep outside the database; the digest is one hash over all of them. */
export interface ChainHeadsExport {
  exportedAt: string;
  chains: Array<{ chain: string; lastHash: string }>;
  digest: string;
}

export async function exportChainHeads(db: Queryable): Promise<ChainHeadsExport> {
  const chains = [...(await readChainHeads(db))]
    .map(([chain, lastHash]) => ({ chain, lastHash }))
    .sort((a, b) => (a.chain < b.chain ? -1 : 1));
  const digest = createHash('sha256')
    .update(chains.map((head) => `${head.chain} ${head.lastHash}`).join('\n'))
    .digest('hex');
  return { exportedAt: new Date().toISOString(), chains, digest };
}

/**
 * Compares the database with heads exported earlier: a chain that is gone, or whose exported
 * newest link is no longer in it (the chain was cut back or rewritten), is reported.
 */
export async function compareWithExportedHeads(db: Queryable, exported: ChainHeadsExport): Promise<string[]> {
  const problems: string[] = [];
  for (const { chain, lastHash } of exported.chains) {
    const [link] = await db
      .select({ id: auditEvents.id })
      .from(auditEvents)
      .where(and(eq(auditEvents.chain, chain), eq(auditEvents.hash, lastHash)))
      .limit(1);
    if (!link) problems.push(`${chain}: the link it ended in on ${exported.exportedAt} is gone`);
  }
  return problems;
}

async function walkChain(db: Queryable, chain: string, headHash: string | undefined) {
  let prevHash = GENESIS_HASH;
  let afterId = 0;
  let events = 0;
  const broken = (id: number, reason: string) => ({ events, broken: { chain, id, reason } as BrokenLink });
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
      if (row.prevHash !== prevHash) return broken(row.id, 'previous hash does not match');
      if (hashAuditLink(prevHash, row, row.hashVersion as HashVersion) !== row.hash)
        return broken(row.id, 'content does not match its hash');
      prevHash = row.hash;
      afterId = row.id;
    }
  }
  if (headHash !== prevHash) return broken(afterId, 'the newest links are missing: the chain head names another link');
  return { events, broken: null };
}

/** Cross-family read for administrators: every event in a time window, for export. */
export async function listAuditEventsBetween(from: Date, to: Date, db: Queryable) {
  return db
    .select()
    .from(auditEvents)
    .where(and(gte(auditEvents.occurredAt, from), lte(auditEvents.occurredAt, to)))
    .orderBy(asc(auditEvents.id));
}
