import type { AuditAction } from '@yhdessa/shared';
import { createHash } from 'node:crypto';

/** The fields a link of the chain covers, in a fixed order. */
export interface ChainedFields {
  chain: string;
  occurredAt: Date;
  actorId: string | null;
  actorRole: string | null;
  organisationId: string | null;
  familyId: string | null;
  action: AuditAction;
  resource: string;
  resourceId: string | null;
  outcome: 'allowed' | 'denied';
  basis: string;
  detail: Record<string, unknown> | null;
}

export const GENESIS_HASH = '0'.repeat(64);

/**
 * How a link's hash is formed. Version 1 hashed the detail in the key order the code wrote it,
 * which jsonb does not keep; version 2 sorts keys, so a link verifies from what the database
 * returns, and lets the database form the link (see `appendAuditEvent`).
 */
export type HashVersion = 1 | 2;
export const CURRENT_HASH_VERSION: HashVersion = 2;

/** JSON with object keys sorted at every depth: the same text whatever order the keys came in. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

function fieldList(fields: ChainedFields): unknown[] {
  return [
    fields.chain,
    fields.occurredAt.toISOString(),
    fields.actorId,
    fields.actorRole,
    fields.organisationId,
    fields.familyId,
    fields.action,
    fields.resource,
    fields.resourceId,
    fields.outcome,
    fields.basis,
    fields.detail,
  ];
}

/** The text a version 2 link hashes after the previous hash: SHA-256(previous hash ‖ this). */
export function canonicalAuditFields(fields: ChainedFields): string {
  return stableJson(fieldList(fields));
}

export function hashAuditLink(prevHash: string, fields: ChainedFields, version: HashVersion = CURRENT_HASH_VERSION): string {
  const text = version === 1 ? JSON.stringify([prevHash, ...fieldList(fields)]) : prevHash + canonicalAuditFields(fields);
  return createHash('sha256').update(text).digest('hex');
}
