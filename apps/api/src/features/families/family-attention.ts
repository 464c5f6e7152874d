import type { AttentionReason, FamilyAttention } from '@yhdessa/shared';
import { sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../core/actor';
import { municipalityToday } from '../../core/clock';

/** A review this many days ahead or nearer is due. The workspace's upcoming reviews look as far. */
export const REVIEW_DUE_DAYS = 14;

/*
 * Attention: what in a family needs the coordinator or worker reading their list now. In the
 * order the attention sort weighs it, each family placed by its weightiest reason:
 *
 *  1. `overdue`: an open action whose day has passed. The coordinator weighs every action they may
 *     know of; a worker only their own services' actions, the ones that are theirs to do.
 *  2. `unanswered`: someone waits for the reader's answer. A service has not answered its
 *     invitation (for the coordinator, any service; for a worker, their own services, whose answer
 *     is theirs to give), or the family's comment waits: a thread on a goal or action whose newest
 *     comment is a family member's (for a worker, threads on their own services' actions).
 *  3. `reviewDue`: a scheduled review on or before two weeks from today, or one whose day passed
 *     and that has not been recorded.
 *
 * Within a reason, what has waited longest comes first: the oldest overdue day, the oldest
 * unanswered invitation or comment, the nearest review. Families that need nothing follow, by
 * name. A closed case needs no one, and family members' lists are not weighed.
 *
 * It is computed in SQL per family, for the reader's own families only (at most a few hundred,
 * found through indexes), so the sort and its counts cost the same in a municipality of any size.
 */

const NONE = 3;

/** Lateral joins on `families f` giving the facts (`od`, `inv`, `cm`, `rv`) for the reader. */
export function attentionFacts(actor: Actor): SQL {
  if (actor.role !== 'coordinator' && actor.role !== 'worker')
    return sql`
      cross join (select 0 as overdue_count, null::date as overdue_since) od
      cross join (select 0 as invitation_count, null::timestamptz as invitation_since) inv
      cross join (select 0 as comment_count, null::timestamptz as comment_since) cm
      cross join (select null::date as review_due_on) rv`;
  const open = sql`f.status <> 'closed'`;
  const worker = actor.role === 'worker';
  // Read once per query, not once per family.
  const ownServices = sql`any(array(select sm.service_id from service_memberships sm where sm.account_id = ${actor.accountId}))`;
  /** The worker's own services' roles in the family, the ones whose work is theirs. */
  const ownRoles = sql`(select sr.id from service_roles sr where sr.family_id = f.id and sr.service_id = ${ownServices})`;
  return sql`
    cross join lateral (
      select count(*)::int as overdue_count, min(a.due_on) as overdue_since from actions a
      where ${open} and a.family_id = f.id and a.status <> 'done' and a.due_on < ${municipalityToday}
        ${worker ? sql`and a.service_role_id in ${ownRoles}` : sql``}
    ) od
    cross join lateral (
      select count(*)::int as invitation_count, min(coalesce(sr.invited_at, sr.created_at)) as invitation_since
      from service_roles sr
      where ${open} and sr.family_id = f.id and sr.status = 'invited' ${worker ? sql`and sr.service_id = ${ownServices}` : sql``}
    ) inv
    cross join lateral (
      select count(*)::int as comment_count, min(newest.created_at) as comment_since from (
        select distinct on (c.goal_id, c.action_id) c.created_at, author.role
        from comments c join accounts author on author.id = c.author_id
        where ${open} and c.family_id = f.id
          ${worker ? sql`and c.action_id in (select a.id from actions a where a.family_id = f.id and a.service_role_id in ${ownRoles})` : sql``}
        order by c.goal_id, c.action_id, c.created_at desc, c.id desc
      ) newest where newest.role = 'family'
    ) cm
    cross join lateral (
      select min(r.scheduled_on) as review_due_on from reviews r
      where ${open} and r.family_id = f.id and r.status = 'scheduled'
        and r.scheduled_on <= ${municipalityToday} + ${REVIEW_DUE_DAYS}::int
    ) rv`;
}

/** 0 overdue, 1 unanswered, 2 review due, 3 nothing: the first key of the attention sort. */
export const attentionRank = sql`case
  when od.overdue_count > 0 then 0
  when inv.invitation_count + cm.comment_count > 0 then 1
  when rv.review_due_on is not null then 2
  else ${sql.raw(String(NONE))} end`;

/** The second key: since when the weightiest reason has waited, or the review's day; nothing sorts last. */
export const attentionSince = sql`case
  when od.overdue_count > 0 then od.overdue_since::timestamptz
  when inv.invitation_count + cm.comment_count > 0 then least(inv.invitation_since, cm.comment_since)
  when rv.review_due_on is not null then rv.review_due_on::timestamptz
  else 'infinity'::timestamptz end`;

/** The SQL condition on a listed row (`attention_rank`) that the family needs the reader. */
export const needsAttention = sql.raw(`attention_rank < ${NONE}`);

const reasons: readonly AttentionReason[] = ['overdue', 'unanswered', 'reviewDue'];

export interface AttentionRow {
  attention_rank: number;
  overdue_count: number;
  invitation_count: number;
  comment_count: number;
  review_due_on: string | null;
}

/** Null for a reader whose list is not weighed (family members). */
export function presentAttention(actor: Actor, row: AttentionRow): FamilyAttention | null {
  if (actor.role !== 'coordinator' && actor.role !== 'worker') return null;
  return {
    reason: reasons[row.attention_rank] ?? null,
    overdueActionCount: row.overdue_count,
    unansweredInvitationCount: row.invitation_count,
    unansweredCommentCount: row.comment_count,
    reviewDueOn: row.review_due_on,
  };
}
