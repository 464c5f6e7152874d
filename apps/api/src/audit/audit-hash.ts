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

export function hashAuditLink(prevHash: string, fields: ChainedFields): string {
  const canonical = JSON.stringify([
    prevHash,
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
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}
