import type { FamilySort, FamilyStatus, FamilySummary } from '@yhdessa/shared';
import { sql, type SQL } from 'drizzle-orm';
import { serviceRoleKnownCondition, visibleFamiliesCondition } from '../../access/family-relation.repository';
import { queryRows, type Queryable } from '../../db/database';
import type { Actor } from '../../core/actor';
import { municipalityToday } from '../../core/clock';
import { actionIsOverdue } from '../actions';
import {
  attentionFacts,
  attentionRank,
  attentionSince,
  needsAttention,
  presentAttention,
  type AttentionRow,
} from './family-attention';

interface FamilyPageRow extends AttentionRow {
  total: number;
  attention_total: number;
  anchor_found: boolean;
  id: string | null;
  name: string;
  status: FamilySummary['status'];
  updated_at: string | Date;
  changed_at: string | Date;
  coordinator_id: string;
  coordinator_name: string;
  member_count: number;
  service_count: number;
  open_action_count: number;
  overdue_action_count: number;
  next_review_on: string | null;
}

export interface FamilyListRequest {
  q?: string;
  status?: FamilyStatus;
  sort: FamilySort;
  /** The family the page continues after (from the cursor). */
  after?: string;
  limit: number;
}

export interface FamilyListRows {
  /** Up to `limit + 1`: the one more tells that there is a next page. */
  families: FamilySummary[];
  count: number;
  attentionCount: number;
  /** False when the family a cursor continues after is not in the reader's list (any more). */
  anchorFound: boolean;
}

/** The keys of each sort, the id last so that the order is total; `changed` runs newest first. */
const sortKeys: Record<FamilySort, { keys: string; direction: 'asc' | 'desc' }> = {
  attention: { keys: 'attention_rank, attention_since, name, id', direction: 'asc' },
  name: { keys: 'name, id', direction: 'asc' },
  changed: { keys: 'changed_at, id', direction: 'desc' },
};

/**
 * Cross-family read: one page of the families the actor has a relationship with, by the access
 * module's rule, in one statement. Every family of the reader's list is weighed (their own few
 * hundred at most, found through indexes); the page continues after the cursor's family as it
 * stands in that list now (keyset, no OFFSET); the counts are of the whole list.
 */
export async function listFamilyPage(actor: Actor, request: FamilyListRequest, db: Queryable): Promise<FamilyListRows> {
  // A role kept from the actor's service is not counted, nor its actions.
  const actionKnown = (action: SQL) => sql`(${action}.service_role_id is null or exists (
    select 1 from service_roles sr where sr.id = ${action}.service_role_id and ${serviceRoleKnownCondition(actor)}))`;
  const { keys, direction } = sortKeys[request.sort];
  const ordered = sql.raw(
    keys
      .split(', ')
      .map((key) => `${key} ${direction}`)
      .join(', '),
  );
  const pageOrder = sql.raw(
    keys
      .split(', ')
      .map((key) => `p.${key} ${direction}`)
      .join(', '),
  );
  const after = request.after
    ? sql`(${sql.raw(keys)}) ${sql.raw(direction === 'asc' ? '>' : '<')} (select ${sql.raw(keys)} from listed where id = ${request.after})`
    : sql`true`;
  const rows = await queryRows<FamilyPageRow>(
    db,
    sql`
    with listed as (
      select f.id, f.name, f.status, f.updated_at, f.coordinator_id,
        od.overdue_count, inv.invitation_count, cm.comment_count, rv.review_due_on::text as review_due_on,
        ${attentionRank} as attention_rank, ${attentionSince} as attention_since,
        greatest(f.updated_at, ev.occurred_at) as changed_at
      from families f
      ${attentionFacts(actor)}
      left join lateral (
        select fe.occurred_at from family_events fe where fe.family_id = f.id order by fe.seq desc limit 1
      ) ev on true
      where ${visibleFamiliesCondition(actor)}
        ${request.q ? sql`and position(lower(${request.q}) in lower(f.name)) > 0` : sql``}
        ${request.status ? sql`and f.status = ${request.status}` : sql``}
    ),
    page as (select * from listed where ${after} order by ${ordered} limit ${request.limit + 1})
    select t.total, t.attention_total, t.anchor_found, p.*, c.name as coordinator_name,
      (select count(*)::int from family_members m where m.family_id = p.id) as member_count,
      (select count(*)::int from service_roles sr
        where sr.family_id = p.id and sr.status = 'accepted' and ${serviceRoleKnownCondition(actor)}) as service_count,
      (select count(*)::int from actions a where a.family_id = p.id and a.status <> 'done' and ${actionKnown(sql`a`)}) as open_action_count,
      (select count(*)::int from actions
        where actions.family_id = p.id and ${actionIsOverdue} and ${actionKnown(sql`actions`)}) as overdue_action_count,
      (select min(r.scheduled_on)::text from reviews r
        where r.family_id = p.id and r.status = 'scheduled' and r.scheduled_on >= ${municipalityToday}) as next_review_on
    from (
      select count(*)::int as total, (count(*) filter (where ${needsAttention}))::int as attention_total,
        ${request.after ? sql`coalesce(bool_or(id = ${request.after}), false)` : sql`true`} as anchor_found
      from listed
    ) t
    left join page p on true
    left join accounts c on c.id = p.coordinator_id
    order by ${pageOrder}`,
  );
  const first = rows[0];
  return {
    families: rows.filter((row) => row.id !== null).map((row) => toFamilySummary(actor, row)),
    count: first?.total ?? 0,
    attentionCount: first?.attention_total ?? 0,
    anchorFound: first?.anchor_found ?? false,
  };
}

function toFamilySummary(actor: Actor, row: FamilyPageRow): FamilySummary {
  return {
    id: row.id!,
    name: row.name,
    status: row.status,
    coordinator: { id: row.coordinator_id, name: row.coordinator_name },
    memberCount: row.member_count,
    serviceCount: row.service_count,
    openActionCount: row.open_action_count,
    overdueActionCount: row.overdue_action_count,
    nextReviewOn: row.next_review_on,
    updatedAt: new Date(row.updated_at).toISOString(),
    changedAt: new Date(row.changed_at).toISOString(),
    attention: presentAttention(actor, row),
  };
}
