import type { FamilyStatus, MemberRelation, PlanPart } from '@yhdessa/shared';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Queryable } from '../db/database';
import type { Actor, Reader } from '../core/actor';
import { municipalityToday } from '../core/clock';
import type { PresenceFacts } from './presence-policy';

/** How the actor stands to one family: the facts every family-scoped decision is made on. */
export interface FamilyRelation {
  familyId: string;
  status: FamilyStatus;
  coordinatorId: string;
  /** The coordinator a pending handover names; null when none is pending. */
  handoverToId: string | null;
  /** Active (accepted, not ended) service roles of the actor's own services in this family. */
  actorServiceRoleIds: string[];
  /** Roles of the actor's own services that are invited and not yet answered. */
  actorInvitedServiceRoleIds: string[];
  /** Plan parts the family has consented to share with at least one of those services. */
  consentedParts: PlanPart[];
  /** Roles the family keeps from other services, with whether the actor works in the role's own service. */
  hiddenServiceRoles: { id: string; ofActorsService: boolean }[];
  /** The actor's own member record when they belong to this family. */
  actorMember: { id: string; relation: MemberRelation } | null;
}

interface RelationRow {
  family_id: string;
  status: FamilyStatus;
  coordinator_id: string;
  handover_to_id: string | null;
  service_role_ids: string[];
  invited_service_role_ids: string[];
  consented_parts: PlanPart[];
  hidden_service_roles: { id: string; ofActorsService: boolean }[];
  member_id: string | null;
  member_relation: MemberRelation | null;
}

/** The actor's services with an accepted role in the family that has not ended. */
const activeRolesOfActor = (actor: Reader) => sql`
  select sr.id, sr.service_id from service_roles sr
  join service_memberships sm on sm.service_id = sr.service_id
  where sr.family_id = f.id and sm.account_id = ${actor.accountId}
    and sr.status = 'accepted' and (sr.ends_on is null or sr.ends_on >= ${municipalityToday})`;

/** Null when the family does not exist. */
export async function findFamilyRelation(familyId: string, actor: Reader, db: Queryable): Promise<FamilyRelation | null> {
  const [row] = await queryRows<RelationRow>(
    db,
    sql`
    select f.id as family_id, f.status, f.coordinator_id, f.handover_to_id,
      coalesce((select array_agg(r.id::text order by r.id) from (${activeRolesOfActor(actor)}) r), '{}') as service_role_ids,
      coalesce((
        select array_agg(sr.id::text order by sr.id) from service_roles sr
        join service_memberships sm on sm.service_id = sr.service_id
        where sr.family_id = f.id and sm.account_id = ${actor.accountId} and sr.status = 'invited'
      ), '{}') as invited_service_role_ids,
      coalesce((
        select array_agg(distinct latest.part::text) from (
          select distinct on (cd.service_id, cd.part) cd.part, cd.granted
          from consent_decisions cd
          where cd.family_id = f.id and cd.service_id in (select r.service_id from (${activeRolesOfActor(actor)}) r)
          order by cd.service_id, cd.part, cd.decided_at desc, cd.id desc
        ) latest where latest.granted
      ), '{}') as consented_parts,
      coalesce((
        select json_agg(json_build_object('id', sr.id::text, 'ofActorsService', exists (
          select 1 from service_memberships sm where sm.service_id = sr.service_id and sm.account_id = ${actor.accountId}
        )) order by sr.id) from service_roles sr
        where sr.family_id = f.id and sr.hidden_from_other_services
      ), '[]') as hidden_service_roles,
      fm.id as member_id, fm.relation as member_relation
    from families f
    left join lateral (
      select m.id, m.relation from family_members m where m.family_id = f.id and m.account_id = ${actor.accountId} limit 1
    ) fm on true
    where f.id = ${familyId}`,
  );
  if (!row) return null;
  return {
    familyId: row.family_id,
    status: row.status,
    coordinatorId: row.coordinator_id,
    handoverToId: row.handover_to_id,
    actorServiceRoleIds: row.service_role_ids,
    actorInvitedServiceRoleIds: row.invited_service_role_ids,
    consentedParts: row.consented_parts,
    hiddenServiceRoles: row.hidden_service_roles,
    actorMember: row.member_id && row.member_relation ? { id: row.member_id, relation: row.member_relation } : null,
  };
}

/** The facts `presenceSeenBy` decides on besides the rooms: hidden roles, and who asked to see their coordinator's presence. */
export async function findPresenceFacts(familyId: string, db: Queryable): Promise<PresenceFacts> {
  const [row] = await queryRows<{ hidden: string[]; seeing: string[] }>(
    db,
    sql`
    select
      coalesce((select array_agg(sr.id::text) from service_roles sr
        where sr.family_id = ${familyId} and sr.hidden_from_other_services), '{}') as hidden,
      coalesce((select array_agg(fm.account_id::text) from family_members fm
        where fm.family_id = ${familyId} and fm.account_id is not null and fm.sees_coordinator_presence), '{}') as seeing`,
  );
  return { hiddenServiceRoleIds: new Set(row?.hidden ?? []), accountsSeeingCoordinator: new Set(row?.seeing ?? []) };
}

/**
 * The families an actor has a relationship with, as a SQL condition on `families f`: the list
 * counterpart of `familyAccessBasis`, and kept next to it so the two rules cannot drift apart.
 * A pending handover's target is not listed: they see the case only once they accept it.
 */
export function visibleFamiliesCondition(actor: Actor): SQL {
  switch (actor.role) {
    case 'coordinator':
      return sql`f.coordinator_id = ${actor.accountId}`;
    case 'worker':
      return sql`exists (${activeRolesOfActor(actor)})`;
    case 'family':
      return sql`exists (select 1 from family_members fm where fm.family_id = f.id and fm.account_id = ${actor.accountId})`;
    case 'manager':
    case 'admin':
      return sql`false`;
  }
}

/**
 * Whether the actor may know of the service role `sr` (a SQL condition): the list counterpart of
 * `hiddenServiceRoleIds`. A worker does not learn of a role the family keeps from other services.
 */
export function serviceRoleKnownCondition(actor: Actor, role: SQL = sql`sr`): SQL {
  if (actor.role !== 'worker') return sql`true`;
  return sql`(not ${role}.hidden_from_other_services or exists (
    select 1 from service_memberships sm where sm.service_id = ${role}.service_id and sm.account_id = ${actor.accountId}))`;
}
