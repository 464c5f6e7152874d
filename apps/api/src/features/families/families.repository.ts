import type { NewMember } from '@yhdessa/shared';
import { and, asc, eq, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import { accounts } from '../../db/tables/accounts';
import type { Queryable } from '../../db/database';
import { plans } from '../../db/tables/plans';
import { stories } from '../../db/tables/stories';
import { familyMembers, families } from '../../db/tables/families';

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
