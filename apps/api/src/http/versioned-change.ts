import type { FamilyEventType } from '@yhdessa/shared';
import { AppError } from '../core/app-error';
import type { EventSubject } from '../core/event-subject';
import type { RouteContext } from './route';

/**
 * 409 with the item as it is now, so the client can show it and the person can reapply their
 * change. Every version conflict in the API is built here.
 */
export function versionConflict(what: string, current: unknown, detail?: string): AppError {
  return new AppError(
    'version_conflict',
    detail ?? `The ${what} changed after you loaded it. Check the current state and try again.`,
    {
      current,
    },
  );
}

export interface VersionedChange<Row extends { version: number }> {
  familyId: string;
  /** The audit resource, and what a 409 calls the item: `goal`, `service-role`, ... */
  resource: string;
  resourceId: string;
  /** The version the item is at as read in this transaction. */
  versionNow: number;
  /** The version the client's change is based on. */
  basedOn: number;
  /** Changes the row only if it is still at `basedOn`; null when someone else got there first. */
  update(): Promise<Row | null>;
  /** The item as it is now, as the client knows it: the body of a 409. */
  current(): Promise<unknown>;
  /** Words for the 409 when the usual ones do not fit. */
  conflictDetail?: string;
  /** The relationship that allowed the change (from the access decision). */
  basis: string;
  /** What the audit row says changed. */
  detail?: (updated: Row) => Record<string, unknown>;
  /** The family event; its id is the resource's unless given, its version the changed row's. */
  event: FamilyEventType | { type: FamilyEventType; id?: string; subject?: (updated: Row) => EventSubject };
}

/**
 * The one step for changing a versioned row: the conditional update on the version the client
 * sent, a 409 with the current state when it is not the version now, and the audit row and the
 * family event written in the request's transaction, so they commit with the change or not at all.
 */
export async function changeVersioned<Row extends { version: number }>(
  context: Pick<RouteContext<{ kind: 'family' }>, 'audit' | 'recordFamilyEvent'>,
  change: VersionedChange<Row>,
): Promise<Row> {
  const updated = change.versionNow === change.basedOn ? await change.update() : null;
  if (!updated) throw versionConflict(change.resource.replaceAll('-', ' '), await change.current(), change.conflictDetail);
  await recordVersionedChange(context, change, updated);
  return updated;
}

/**
 * A versioned row's change once made: its audit row and its family event (`changeVersioned`'s
 * last step, for a change that reads the row as it was in the same statement that changes it).
 */
export async function recordVersionedChange<Row extends { version: number }>(
  context: Pick<RouteContext<{ kind: 'family' }>, 'audit' | 'recordFamilyEvent'>,
  change: Pick<VersionedChange<Row>, 'familyId' | 'resource' | 'resourceId' | 'basis' | 'detail' | 'event'>,
  updated: Row,
): Promise<void> {
  const { familyId, resource, resourceId } = change;
  await context.audit({
    familyId,
    action: 'update',
    resource,
    resourceId,
    outcome: 'allowed',
    basis: change.basis,
    ...(change.detail ? { detail: change.detail(updated) } : {}),
  });
  const event = typeof change.event === 'string' ? { type: change.event } : change.event;
  await context.recordFamilyEvent(
    { type: event.type, familyId, id: event.id ?? resourceId, version: updated.version },
    event.subject?.(updated),
  );
}
