import type { FamilyEvent } from '@yhdessa/shared';
import type { Queryable } from '../db/database';
import { familyEvents } from '../db/tables/family-events';

export async function insertFamilyEvent(
  tx: Queryable,
  event: Omit<FamilyEvent, 'seq'>,
  actorId: string | null,
): Promise<FamilyEvent> {
  const [row] = await tx
    .insert(familyEvents)
    .values({ familyId: event.familyId, type: event.type, entityId: event.id, version: event.version, actorId })
    .returning({ seq: familyEvents.seq });
  return { ...event, seq: row!.seq };
}
