import { auditActions } from '@yhdessa/shared';
import { sql } from 'drizzle-orm';
import { bigserial, index, jsonb, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Append-only log of every read and change of case data, and every refused attempt. Each row's
 * hash covers the previous row of the same chain (one chain per family, one for the rest), so
 * an edit or deletion shows, and appends to different families do not wait for each other.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    chain: text('chain').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    actorId: uuid('actor_id'),
    actorRole: text('actor_role'),
    organisationId: uuid('organisation_id'),
    familyId: uuid('family_id'),
    action: text('action', { enum: auditActions }).notNull(),
    resource: text('resource').notNull(),
    resourceId: text('resource_id'),
    outcome: text('outcome', { enum: ['allowed', 'denied'] }).notNull(),
    basis: text('basis').notNull(),
    detail: jsonb('detail').$type<Record<string, unknown>>(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
    /** Which formula formed `hash` (see `HashVersion`); rows written before version 2 keep 1. */
    hashVersion: smallint('hash_version').notNull().default(1),
  },
  (table) => [
    index('audit_events_chain_idx').on(table.chain, table.id),
    index('audit_events_family_idx').on(table.familyId, table.occurredAt),
    // The changes of one item: the activity feed finds the row that recorded each change.
    index('audit_events_family_change_idx')
      .on(table.familyId, table.resourceId)
      .where(sql`${table.outcome} = 'allowed' and ${table.action} in ('create', 'update', 'delete')`),
  ],
);

/**
 * The newest link of each chain. Appending updates a chain's row, so the row lock, held to
 * commit, puts the appends to one chain in order, and the new link is formed in the same
 * statement as the audit row (see `appendAuditEvent`).
 */
export const auditChainHeads = pgTable('audit_chain_heads', {
  chain: text('chain').primaryKey(),
  /** The hash the newest link was formed on, returned to the insert of that link. */
  prevHash: text('prev_hash').notNull(),
  lastHash: text('last_hash').notNull(),
});
