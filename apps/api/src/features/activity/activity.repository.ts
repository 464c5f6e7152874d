import type { FamilyEventType, LocalizedText, MemberRelation, NoteVisibility, PlanPart, Role } from '@yhdessa/shared';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Queryable } from '../../db/database';

/** A change in the family's event log, with the facts its line is filtered, named and worded by. */
export interface ActivityRow {
  seq: number;
  familyId: string;
  familyName: string;
  type: FamilyEventType;
  entityId: string;
  version: number;
  occurredAt: Date;
  actor: ActivityRowActor | null;
  item: ActivityRowItem;
  /** The status the change set, as its audit row records it. */
  status: string | null;
}

export interface ActivityRowActor {
  id: string;
  name: string;
  role: Role;
  relation: MemberRelation | null;
  /** The actor's services' roles in this family. */
  serviceRoles: { id: string; service: LocalizedText }[];
}

/** The changed item as it is now; for a comment or progress entry, the goal or action it is about. */
export interface ActivityRowItem {
  id: string;
  title: string | null;
  serviceRoleId: string | null;
  service: LocalizedText | null;
  day: string | null;
  visibility: NoteVisibility | null;
  consent: { part: PlanPart; granted: boolean } | null;
}

interface RawRow {
  seq: string | number;
  family_id: string;
  family_name: string;
  type: FamilyEventType;
  entity_id: string;
  version: number;
  occurred_at: Date | string;
  actor_id: string | null;
  actor_name: string | null;
  actor_role: Role | null;
  actor_relation: MemberRelation | null;
  actor_roles: { id: string; service: LocalizedText }[];
  item_id: string | null;
  title: string | null;
  service_role_id: string | null;
  service: LocalizedText | null;
  day: string | null;
  visibility: NoteVisibility | null;
  part: PlanPart | null;
  granted: boolean | null;
  status: string | null;
}

const ofTypes = (...types: FamilyEventType[]) => sql.raw(`fe.type in (${types.map((type) => `'${type}'`).join(', ')})`);

/**
 * The item each kind of change is about, read as it is now (one branch matches, by the event's
 * type). Changes of the story, assessment, meter, feedback and handover name no item of their own.
 */
const itemFacts = sql`
  select a.id as item_id, a.title, a.service_role_id, null::jsonb as service, null::date as day,
    null::text as visibility, null::text as part, null::boolean as granted
    from actions a where ${ofTypes('action.created', 'action.updated')} and a.id = fe.entity_id
  union all
  select a.id, a.title, a.service_role_id, null, null, null, null, null
    from comments c join actions a on a.id = c.action_id where ${ofTypes('action.commented')} and c.id = fe.entity_id
  union all
  select g.id, g.title, null, null, null, null, null, null
    from goals g where ${ofTypes('goal.created', 'goal.updated')} and g.id = fe.entity_id
  union all
  select g.id, g.title, null, null, null, null, null, null
    from goal_progress p join goals g on g.id = p.goal_id where ${ofTypes('goalProgress.created')} and p.id = fe.entity_id
  union all
  select g.id, g.title, null, null, null, null, null, null
    from comments c join goals g on g.id = c.goal_id where ${ofTypes('goal.commented')} and c.id = fe.entity_id
  union all
  select n.id, left(split_part(n.body, E'\\n', 1), 200), n.service_role_id, null, null, n.visibility::text, null, null
    from notes n where ${ofTypes('note.created', 'note.updated')} and n.id = fe.entity_id
  union all
  select sr.id, null, sr.id, s.name, null, null, null, null
    from service_roles sr join services s on s.id = sr.service_id
    where ${ofTypes('serviceRole.invited', 'serviceRole.accepted', 'serviceRole.declined', 'serviceRole.updated', 'serviceRole.ended')}
      and sr.id = fe.entity_id
  union all
  select r.id, null, null, null, r.scheduled_on, null, null, null
    from reviews r where ${ofTypes('review.created', 'review.updated')} and r.id = fe.entity_id
  union all
  select ai.id, ai.title, null, null, null, null, null, null
    from agenda_items ai where ${ofTypes('agendaItem.created')} and ai.id = fe.entity_id
  union all
  select f.id, f.name, null, null, null, null, null, null
    from families f where ${ofTypes('family.created', 'family.updated')} and f.id = fe.entity_id
  union all
  select m.id, m.name, null, null, null, null, null, null
    from family_members m where ${ofTypes('member.created', 'member.updated')} and m.id = fe.entity_id
  union all
  select u.id, null, u.service_role_id, s.name, null, null, null, null
    from service_usage u join services s on s.id = u.service_id
    where ${ofTypes('usage.recorded', 'usage.updated')} and u.id = fe.entity_id
  union all
  select e.id, p.name, null, null, null, null, null, null
    from program_enrolments e join programs p on p.id = e.program_id
    where ${ofTypes('program.enrolled', 'program.ended')} and e.id = fe.entity_id
  union all
  select cd.id, null, null, s.name, null, null, cd.part::text, cd.granted
    from consent_decisions cd join services s on s.id = cd.service_id
    where ${ofTypes('consent.changed')} and cd.id = fe.entity_id`;

/**
 * Family events with who made them, the item, and the status the change set. The status is read
 * from the audit row that recorded the change: it was written in the same transaction as the
 * event (`xmin`, the transaction that inserted a row, is the same for both) about the same item.
 */
function activityRows(where: SQL, limit: number): SQL {
  return sql`
    select fe.seq, fe.family_id, f.name as family_name, fe.type, fe.entity_id, fe.version, fe.occurred_at,
      fe.actor_id, acc.name as actor_name, acc.role as actor_role,
      (select m.relation from family_members m
        where m.family_id = fe.family_id and m.account_id = fe.actor_id limit 1) as actor_relation,
      coalesce((
        select json_agg(json_build_object('id', sr.id, 'service', s.name) order by sr.created_at, sr.id)
        from service_roles sr
        join service_memberships sm on sm.service_id = sr.service_id and sm.account_id = fe.actor_id
        join services s on s.id = sr.service_id
        where sr.family_id = fe.family_id
      ), '[]') as actor_roles,
      item.item_id, item.title, item.service_role_id, item.service, item.day::text as day, item.visibility,
      item.part, item.granted,
      (select ae.detail -> 'status' ->> 'to' from audit_events ae
        where ae.family_id = fe.family_id and ae.resource_id = fe.entity_id::text and ae.xmin = fe.xmin
          and ae.outcome = 'allowed' and ae.action in ('create', 'update', 'delete')
        order by ae.id desc limit 1) as status
    from family_events fe
    join families f on f.id = fe.family_id
    left join accounts acc on acc.id = fe.actor_id
    left join lateral (${itemFacts}) item on true
    where ${where}
    order by fe.seq desc
    limit ${limit}`;
}

function toActivityRow(row: RawRow): ActivityRow {
  return {
    seq: Number(row.seq),
    familyId: row.family_id,
    familyName: row.family_name,
    type: row.type,
    entityId: row.entity_id,
    version: row.version,
    occurredAt: new Date(row.occurred_at),
    actor:
      row.actor_id && row.actor_name && row.actor_role
        ? {
            id: row.actor_id,
            name: row.actor_name,
            role: row.actor_role,
            relation: row.actor_relation,
            serviceRoles: row.actor_roles,
          }
        : null,
    item: {
      id: row.item_id ?? row.entity_id,
      title: row.title,
      serviceRoleId: row.service_role_id,
      service: row.service,
      day: row.day,
      visibility: row.visibility,
      consent: row.part !== null && row.granted !== null ? { part: row.part, granted: row.granted } : null,
    },
    status: row.status,
  };
}

/** The family's changes older than `before`, newest first. */
export async function listFamilyActivity(
  familyId: string,
  page: { before?: number; limit: number },
  db: Queryable,
): Promise<ActivityRow[]> {
  const where = page.before ? sql`fe.family_id = ${familyId} and fe.seq < ${page.before}` : sql`fe.family_id = ${familyId}`;
  return (await queryRows<RawRow>(db, activityRows(where, page.limit))).map(toActivityRow);
}

/** Cross-family, on purpose: the newest changes since `since` in the families the coordinator coordinates. */
export async function listRecentActivityOfCoordinator(
  accountId: string,
  since: Date,
  limit: number,
  db: Queryable,
): Promise<ActivityRow[]> {
  const where = sql`f.coordinator_id = ${accountId} and fe.occurred_at >= ${since.toISOString()}::timestamptz`;
  return (await queryRows<RawRow>(db, activityRows(where, limit))).map(toActivityRow);
}

/** Cross-family, on purpose: how many changes each of the coordinator's families had since `since`, the latest first. */
export async function countRecentChangesOfCoordinator(accountId: string, since: Date, db: Queryable) {
  const rows = await queryRows<{ family_id: string; family_name: string; count: string | number }>(
    db,
    sql`select f.id as family_id, f.name as family_name, count(*) as count
      from family_events fe join families f on f.id = fe.family_id
      where f.coordinator_id = ${accountId} and fe.occurred_at >= ${since.toISOString()}::timestamptz
      group by f.id, f.name
      order by max(fe.seq) desc`,
  );
  return rows.map((row) => ({ family: { id: row.family_id, name: row.family_name }, count: Number(row.count) }));
}
