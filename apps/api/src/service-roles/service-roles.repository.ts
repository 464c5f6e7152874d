import { and, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../db/database';
import { serviceRoles } from './service-roles.schema';

export async function findServiceRole(familyId: string, serviceRoleId: string, db: Queryable) {
  const [row] = await db
    .select()
    .from(serviceRoles)
    .where(and(eq(serviceRoles.familyId, familyId), eq(serviceRoles.id, serviceRoleId)));
  return row ?? null;
}

export async function endServiceRoleAt(
  familyId: string,
  serviceRoleId: string,
  change: { basedOnVersion: number; endsOn: string },
  db: Queryable,
) {
  const [row] = await db
    .update(serviceRoles)
    .set({ status: 'ended', endsOn: change.endsOn, version: sql`${serviceRoles.version} + 1`, updatedAt: new Date() })
    .where(
      and(
        eq(serviceRoles.familyId, familyId),
        eq(serviceRoles.id, serviceRoleId),
        eq(serviceRoles.version, change.basedOnVersion),
      ),
    )
    .returning();
  return row ?? null;
}
