import type { FamilyStatus, FamilySummary, NewMember } from '@yhdessa/shared';
import { and, asc, eq, inArray, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import { serviceRoleKnownCondition, visibleFamiliesCondition } from '../../access/family-relation.repository';
import { accounts } from '../../db/tables/accounts';
import { queryRows, type Queryable } from '../../db/database';
import type { Actor } from '../../core/actor';
import { municipalityToday } from '../../core/clock';
import { actionIsOverdue } from '../actions';
import { plans } from '../../db/tables/plans';
import { stories } from '../../db/tables/stories';
import { familyMembers, families } from '../../db/tables/families';

interface FamilySummaryRow {
  id: string;
  name: string;
  status: FamilySummary['status'];
  updated_at: string | Date;
  coordinator_id: string;
  coordinator_name: string;
  member_count: number;
  service_count: number;
  open_action_count: number;
  overdue_action_count: number;
  next_review_on: string | null;
}

/** Cross-family read: every family the actor has a relationship with, by the access module's rule. */
export async function listFamiliesVisibleTo(
  actor: Actor,
  db: Queryable,
  filters: { q?: string; status?: FamilyStatus } = {},
): Promise<FamilySummary[]> {
  // A role kept from the actor's service is not counted, nor its actions.
  const actionKnown = (action: SQL) => sql`(${action}.service_role_id is null or exists (
    select 1 from service_roles sr where sr.id = ${action}.service_role_id and ${serviceRoleKnownCondition(actor)}))`;
  const rows = await queryRows<FamilySummaryRow>(
    db,
    sql`
    select f.id, f.name, f.status, f.updated_at, c.id as coordinator_id, c.name as coordinator_name,
      (select count(*)::int from family_members m where m.family_id = f.id) as member_count,
      (select count(*)::int from service_roles sr
        where sr.family_id = f.id and sr.status = 'accepted' and ${serviceRoleKnownCondition(actor)}) as service_count,
      (select count(*)::int from actions a where a.family_id = f.id and a.status <> 'done' and ${actionKnown(sql`a`)}) as open_action_count,
      (select count(*)::int from actions
        where actions.family_id = f.id and ${actionIsOverdue} and ${actionKnown(sql`actions`)}) as overdue_action_count,
      (select min(r.scheduled_on)::text from reviews r
        where r.family_id = f.id and r.status = 'scheduled' and r.scheduled_on >= ${municipalityToday}) as next_review_on
    from families f join accounts c on c.id = f.coordinator_id
    where ${visibleFamiliesCondition(actor)}
      ${filters.q ? sql`and position(lower(${filters.q}) in lower(f.name)) > 0` : sql``}
      ${filters.status ? sql`and f.status = ${filters.status}` : sql``}
    order by f.name, f.id`,
  );
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    status: row.status,
    coordinator: { id: row.coordinator_id, name: row.coordinator_name },
    memberCount: row.member_count,
    serviceCount: row.service_count,
    openActionCount: row.open_action_count,
    overdueActionCount: row.overdue_action_count,
    nextReviewOn: row.next_review_on,
    updatedAt: new Date(row.updated_at).toISOString(),
  }));
}

export type FamilyRow = typeof families.$inferSelect;
export type MemberRow = typeof familyMembers.$inferSelect;

export async function findFamily(familyId: string, db: Queryable) {
  const [row] = await db.select().from(families).where(eq(families.id, familyId));
  return row ?? null;
}

/** The case with its coordinator's and any handover target's names, and its members. */
export async function findFamilyDetail(familyId: string, db: Queryable) {
  const family = await findFamily(familyId, db);
  if (!family) return null;
  return { family, people: await findCoordinatorNames(family, db), members: await listMembers(familyId, db) };
}

/** Names of the case's coordinator and of the one a pending handover names. */
export async function findCoordinatorNames(family: FamilyRow, db: Queryable): Promise<Map<string, string>> {
  const rows = await db
    .select({ id: accounts.id, name: accounts.name })
    .from(accounts)
    .where(inArray(accounts.id, [family.coordinatorId, ...(family.handoverToId ? [family.handoverToId] : [])]));
  return new Map(rows.map((row) => [row.id, row.name]));
}

export async function listMembers(familyId: string, db: Queryable) {
  return db
    .select()
    .from(familyMembers)
    .where(eq(familyMembers.familyId, familyId))
    .orderBy(asc(familyMembers.createdAt), asc(familyMembers.id));
}

/** A new case, its plan and its empty story, with its members. */
export async function insertFamily(
  values: { name: string; coordinatorId: string; members: NewMember[] },
  db: Queryable,
): Promise<FamilyRow> {
  const [family] = await db.insert(families).values({ name: values.name, coordinatorId: values.coordinatorId }).returning();
  await db.insert(plans).values({ familyId: family!.id });
  await db.insert(stories).values({ familyId: family!.id });
  for (const member of values.members) await insertMember(family!.id, member, db);
  return family!;
}

/**
 * Cross-family read, on purpose: other cases with a member of the same name (any case, trimmed)
 * and birth year, so one family does not get two coordinators by accident.
 */
export async function findPossibleDuplicateFamilies(
  members: readonly NewMember[],
  db: Queryable,
): Promise<Array<{ familyId: string; coordinatorId: string }>> {
  const keys = members.filter((member) => member.birthYear !== null);
  if (keys.length === 0) return [];
  return db
    .selectDistinct({ familyId: families.id, coordinatorId: families.coordinatorId })
    .from(familyMembers)
    .innerJoin(families, eq(families.id, familyMembers.familyId))
    .where(
      or(
        ...keys.map(
          (member) =>
            sql`lower(trim(${familyMembers.name})) = ${member.name.trim().toLowerCase()} and ${familyMembers.birthYear} = ${member.birthYear}`,
        ),
      ),
    )
    .orderBy(asc(families.id));
}

/** Applies the change only if the case is still at `basedOnVersion`; null when someone else got there first. */
export async function updateFamilyAt(
  familyId: string,
  basedOnVersion: number,
  change: Partial<Pick<FamilyRow, 'name' | 'status' | 'coordinatorId' | 'handoverToId' | 'handoverRequestedAt'>>,
  db: Queryable,
) {
  const [row] = await db
    .update(families)
    .set({ ...change, version: sql`${families.version} + 1`, updatedAt: new Date() })
    .where(and(eq(families.id, familyId), eq(families.version, basedOnVersion)))
    .returning();
  return row ?? null;
}

export async function findMember(familyId: string, memberId: string, db: Queryable) {
  const [row] = await db
    .select()
    .from(familyMembers)
    .where(and(eq(familyMembers.familyId, familyId), eq(familyMembers.id, memberId)));
  return row ?? null;
}

export async function insertMember(familyId: string, member: NewMember, db: Queryable): Promise<MemberRow> {
  const [row] = await db
    .insert(familyMembers)
    .values({ familyId, name: member.name, relation: member.relation, birthYear: member.birthYear })
    .returning();
  return row!;
}

export async function updateMemberAt(
  familyId: string,
  memberId: string,
  basedOnVersion: number,
  change: Partial<Pick<MemberRow, 'name' | 'relation' | 'birthYear'>>,
  db: Queryable,
) {
  const [row] = await db
    .update(familyMembers)
    .set({ ...change, version: sql`${familyMembers.version} + 1` })
    .where(and(eq(familyMembers.familyId, familyId), eq(familyMembers.id, memberId), eq(familyMembers.version, basedOnVersion)))
    .returning();
  return row ?? null;
}

/** Whether the account may coordinate cases: an enabled coordinator. */
export async function isActiveCoordinator(accountId: string, db: Queryable): Promise<boolean> {
  const [row] = await db
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(eq(accounts.id, accountId), eq(accounts.role, 'coordinator'), isNull(accounts.disabledAt)));
  return row !== undefined;
}

/** Not case data: the coordinators in use, but the one asking, by name. */
export async function listActiveCoordinatorsExcept(accountId: string, db: Queryable) {
  return db
    .select({ id: accounts.id, name: accounts.name })
    .from(accounts)
    .where(and(eq(accounts.role, 'coordinator'), isNull(accounts.disabledAt), ne(accounts.id, accountId)))
    .orderBy(asc(accounts.name), asc(accounts.id));
}
