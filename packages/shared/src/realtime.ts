import { z } from 'zod';
import { idSchema, versionSchema } from './ids';
import type { NotificationsChanged } from './notifications';

/** Every change pushed to a family's room, named `<resource>.<change>`. */
export const familyEventTypes = [
  'action.updated',
  'consent.changed',
  'serviceRole.ended',
  'serviceRole.invited',
  'serviceRole.accepted',
  'serviceRole.declined',
  'serviceRole.updated',
  'goal.created',
  'goal.updated',
  'goalProgress.created',
  'goal.commented',
  'action.created',
  'action.commented',
  'note.created',
  'note.updated',
  'review.created',
  'review.updated',
  'agendaItem.created',
  'plan.versioned',
  'family.created',
  'family.updated',
  'member.created',
  'member.updated',
  'handover.requested',
  'handover.accepted',
  'handover.declined',
  'story.updated',
  'story.commented',
  'story.commentResolved',
  'assessment.created',
  'assessment.updated',
  'usage.recorded',
  'usage.updated',
  'measurement.recorded',
  'measurement.updated',
  'feedback.requested',
  'feedback.answered',
  'feedback.updated',
  'program.enrolled',
  'program.ended',
] as const;
export const familyEventTypeSchema = z.enum(familyEventTypes);
export type FamilyEventType = z.infer<typeof familyEventTypeSchema>;

/**
 * What a family room receives after a change commits. It carries no case content: the client
 * refetches what it may see, so a payload never reaches someone the data should not.
 */
export const familyEventSchema = z.object({
  type: familyEventTypeSchema,
  familyId: idSchema,
  id: idSchema,
  version: versionSchema,
  /** Position in the family's event log: 1, 2, 3, ... in the order the changes committed. */
  seq: z.number().int().min(1),
});
export type FamilyEvent = z.infer<typeof familyEventSchema>;

/** Names a family: leaving its room, or being told access to it ended. */
export const familyRefSchema = z.strictObject({ familyId: idSchema });
export type FamilyRef = z.infer<typeof familyRefSchema>;

export const joinFamilySchema = z.strictObject({
  familyId: idSchema,
  /**
   * The last sequence number the client applied in this family. Without it (a screen's first
   * join) the events of the last minute are replayed, which covers reads sent just before joining.
   */
  afterSeq: z.number().int().min(0).optional(),
});
export type JoinFamily = z.infer<typeof joinFamilySchema>;

/**
 * What the client missed, as its reader may hear of it now. `complete: false` when too much was
 * missed to replay (or the server's log does not know the client's position): refetch everything.
 */
export interface FamilyCatchUp {
  headSeq: number;
  events: FamilyEvent[];
  complete: boolean;
}

export type JoinFamilyAck = { ok: true; catchUp: FamilyCatchUp } | { ok: false; code: 'not_found' | 'validation_failed' };

/** A professional looking at the family's plan now, and the service roles the reader may know they work in. */
export const presenceViewerSchema = z.object({
  accountId: idSchema,
  name: z.string(),
  role: z.enum(['coordinator', 'worker']),
  serviceRoleIds: z.array(idSchema),
});
export type PresenceViewer = z.infer<typeof presenceViewerSchema>;

/**
 * Who else is looking at the family's plan now, as the reader may be told it: professionals see
 * the professionals they may know of and whether a family member is there; a family member only
 * whether the coordinator is, and only when they have asked to be told (else always false).
 * `at` is when the server gathered it: a client keeps the newest.
 */
export const presenceSchema = z.discriminatedUnion('audience', [
  z.object({
    audience: z.literal('professional'),
    familyId: idSchema,
    at: z.number().int(),
    viewers: z.array(presenceViewerSchema),
    familyMemberViewing: z.boolean(),
  }),
  z.object({ audience: z.literal('family'), familyId: idSchema, at: z.number().int(), coordinatorViewing: z.boolean() }),
]);
export type Presence = z.infer<typeof presenceSchema>;

/** A family member's own choice: whether they are told when their coordinator is looking at the plan. Off by default. */
export const presencePreferenceSchema = z.strictObject({ seesCoordinatorPresence: z.boolean() });
export type PresencePreference = z.infer<typeof presencePreferenceSchema>;

/** socket.io event names, both directions. */
export const socketEvents = {
  joinFamily: 'family:join',
  leaveFamily: 'family:leave',
  familyEvent: 'family:event',
  familyRevoked: 'family:revoked',
  /** To the reader's own sockets: their notifications changed (see `notificationsChangedSchema`). */
  notificationsChanged: 'notifications:changed',
  presenceRequest: 'presence:request',
  presenceChanged: 'presence:changed',
} as const;

export interface ServerToClientEvents {
  'family:event': (event: FamilyEvent) => void;
  /** The caller lost access to the family: drop what is shown of it. */
  'family:revoked': (payload: FamilyRef) => void;
  'notifications:changed': (change: NotificationsChanged) => void;
  /** Who is looking at a family's plan now changed (someone came, left, or lost access). */
  'presence:changed': (presence: Presence) => void;
}
export interface ClientToServerEvents {
  'family:join': (payload: JoinFamily, ack: (result: JoinFamilyAck) => void) => void;
  'family:leave': (payload: FamilyRef) => void;
  /** The current presence in a family whose room the socket is in; null otherwise. */
  'presence:request': (payload: FamilyRef, ack: (presence: Presence | null) => void) => void;
}

export function familyRoom(familyId: string): string {
  return `family:${familyId}`;
}
