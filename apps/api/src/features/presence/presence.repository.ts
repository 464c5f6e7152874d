import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/database';
import { familyMembers } from '../../db/tables/families';

export async function findPresencePreference(familyId: string, memberId: string, db: Queryable): Promise<boolean> {
  const [row] = await db
    .select({ seesCoordinatorPresence: familyMembers.seesCoordinatorPresence })
    .from(familyMembers)
    .where(and(eq(familyMembers.familyId, familyId), eq(familyMembers.id, memberId)));
  return row?.seesCoordinatorPresence ?? false;
}

export async function setPresencePreference(familyId: string, memberId: string, sees: boolean, db: Queryable): Promise<void> {
  await db
    .update(familyMembers)
    .set({ seesCoordinatorPresence: sees })
    .where(and(eq(familyMembers.familyId, familyId), eq(familyMembers.id, memberId)));
}
