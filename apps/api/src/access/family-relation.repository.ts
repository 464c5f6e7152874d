import type { FamilyStatus } from '@yhdessa/shared';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Queryable } from '../db/database';
import type { Actor } from '../http/request-context';

/** How the actor stands to one family: the facts every family-scoped decision is made on. */
export interface FamilyRelation {
  familyId: string;
  status: FamilyStatus;
  coordinatorId: string;
  /** Active (accepted, not ended) service roles of the actor's own services in this family. */
  actorServiceRoleIds: string[];
  /** The actor's own member record when they belong to this family. */
  actorMemberId: string | null;
}

interface RelationRow {
  family_id: string;
  status: FamilyStatus;
  coordinator_id: string;
  service_role_ids: string[];
  member_id: string | null;
}

/** Null when the family does not exist. */
export async function findFamilyRelation(familyId: string, actor: Actor, db: Queryable): Promise<FamilyRelation | null> {
  const [row] = await queryRows<RelationRow>(
    db,
    sql`
    select f.id as family_id, f.status, f.coordinator_id,
      coalesce((
        select array_agg(sr.id::text order by sr.id)
        from service_roles sr
        join service_memberships sm on sm.service_id = sr.service_id
        where sr.family_id = f.id and sm.account_id = ${actor.accountId}
          and sr.status = 'accepted' and (sr.ends_on is null or sr.ends_on >= current_date)
      ), '{}') as service_role_ids,
      (select fm.id from family_members fm where fm.family_id = f.id and fm.account_id = ${actor.accountId} limit 1) as member_id
    from families f where f.id = ${familyId}`,
  );
  if (!row) return null;
  return {
    familyId: row.family_id,
    status: row.status,
    coordinatorId: row.coordinator_id,
    actorServiceRoleIds: row.service_role_ids,
    actorMemberId: row.member_id,
  };
}

/**
 * The families an actor has a relationship with, as a SQL condition on `families f`: the list
 * counterpart of `familyAccessBasis`, and kept next to it so the two rules cannot drift apart.
 */
export function visibleFamiliesCondition(actor: Actor): SQL {
  switch (actor.role) {
    case 'coordinator':
      return sql`f.coordinator_id = ${actor.accountId}`;
    case 'worker':
      return sql`exists (
        select 1 from service_roles sr join service_memberships sm on sm.service_id = sr.service_id
        where sr.family_id = f.id and sm.account_id = ${actor.accountId}
          and sr.status = 'accepted' and (sr.ends_on is null or sr.ends_on >= current_date))`;
    case 'family':
      return sql`exists (select 1 from family_members fm where fm.family_id = f.id and fm.account_id = ${actor.accountId})`;
    case 'manager':
    case 'admin':
      return sql`false`;
  }
}
