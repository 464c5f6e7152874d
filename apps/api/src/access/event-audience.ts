import { familyRoom, type FamilyEventType, type PlanPart } from '@yhdessa/shared';
import type { EventSubject } from '../core/event-subject';
import type { Actor } from '../core/actor';
import { familyAccessBasis, isServiceRoleHidden, opensCase, visiblePlanParts } from './family-policy';
import type { FamilyRelation } from './family-relation.repository';

/**
 * Who may hear that an item changed: the same readers who may read the item. A family event
 * goes to audience rooms inside the family's room, and each socket joins the audience rooms its
 * relation to the family opens, so an id never reaches someone who may not see the item.
 */

/** Items of these types belong to a plan part that the family shares with a service by consent. */
const partOfEvent: Partial<Record<FamilyEventType, PlanPart>> = {
  'story.updated': 'story',
  'story.commented': 'story',
  'story.commentResolved': 'story',
  'assessment.created': 'assessment',
  'assessment.updated': 'assessment',
  'goal.created': 'goals',
  'goal.updated': 'goals',
  'goalProgress.created': 'goals',
  'goal.commented': 'goals',
  'note.created': 'notes',
  'note.updated': 'notes',
  'measurement.recorded': 'measurements',
  'measurement.updated': 'measurements',
};

/** The family's experience and its programme enrolments: only the family and its coordinator hear of them, never a service. */
const familyAndCoordinatorEvents: ReadonlySet<FamilyEventType> = new Set([
  'feedback.requested',
  'feedback.answered',
  'feedback.updated',
  'program.enrolled',
  'program.ended',
]);

const coordinatorRoom = (familyId: string) => `${familyRoom(familyId)}:coordinator`;
const membersRoom = (familyId: string) => `${familyRoom(familyId)}:members`;
const partRoom = (familyId: string, part: PlanPart) => `${familyRoom(familyId)}:part:${part}`;
const serviceRoleRoom = (familyId: string, serviceRoleId: string) => `${familyRoom(familyId)}:service-role:${serviceRoleId}`;

/** Whether a room belongs to the family (its own room or one of its audience rooms). */
export function isRoomOfFamily(room: string, familyId: string): boolean {
  return room === familyRoom(familyId) || room.startsWith(`${familyRoom(familyId)}:`);
}

/** How a socket stands in the family, read back from the audience rooms it is in; null when it is not in the family's room. */
export function standingInFamily(
  familyId: string,
  rooms: ReadonlySet<string>,
): { basis: 'coordinator' | 'family-member' | 'service-role'; serviceRoleIds: string[] } | null {
  if (!rooms.has(familyRoom(familyId))) return null;
  if (rooms.has(coordinatorRoom(familyId))) return { basis: 'coordinator', serviceRoleIds: [] };
  if (rooms.has(membersRoom(familyId))) return { basis: 'family-member', serviceRoleIds: [] };
  const prefix = serviceRoleRoom(familyId, '');
  const serviceRoleIds = [...rooms].filter((room) => room.startsWith(prefix)).map((room) => room.slice(prefix.length));
  return { basis: 'service-role', serviceRoleIds };
}

/** The rooms a socket of this actor joins in the family; none when the relation does not open the case. */
export function audienceRoomsOf(actor: Actor, relation: FamilyRelation): string[] {
  const basis = familyAccessBasis(actor, relation);
  if (!opensCase(basis)) return [];
  const { familyId } = relation;
  const rooms = [familyRoom(familyId)];
  if (basis === 'coordinator') rooms.push(coordinatorRoom(familyId));
  if (basis === 'family-member') rooms.push(membersRoom(familyId));
  if (basis === 'service-role') {
    for (const part of visiblePlanParts(actor, relation)) rooms.push(partRoom(familyId, part));
    for (const serviceRoleId of relation.actorServiceRoleIds) rooms.push(serviceRoleRoom(familyId, serviceRoleId));
  }
  return rooms;
}

/**
 * The rooms an event goes to. Notes follow `readableNotes`: the family hears only of notes
 * written for it; a service of its own role's notes, and of all only when notes are shared with
 * it. Items of a role the family keeps from other services reach only the coordinator, the family
 * and that service. Other items in a consented part reach the coordinator, the family and the services that
 * part is shared with; feedback only the coordinator and the family; everything else the whole family room.
 */
export function eventRooms(familyId: string, type: FamilyEventType, subject?: EventSubject): string[] {
  if (familyAndCoordinatorEvents.has(type)) return [coordinatorRoom(familyId), membersRoom(familyId)];
  const part = partOfEvent[type];
  if (subject?.serviceRoleHidden && subject.serviceRoleId) {
    // A role the family keeps from other services: only those who may know of it hear of its items.
    const rooms = [coordinatorRoom(familyId), serviceRoleRoom(familyId, subject.serviceRoleId)];
    if (part !== 'notes' || subject.visibility === 'family') rooms.push(membersRoom(familyId));
    return rooms;
  }
  if (!part) return [familyRoom(familyId)];
  const rooms = [coordinatorRoom(familyId), partRoom(familyId, part)];
  if (part !== 'notes' || subject?.visibility === 'family') rooms.push(membersRoom(familyId));
  if (part === 'notes' && subject?.serviceRoleId) rooms.push(serviceRoleRoom(familyId, subject.serviceRoleId));
  return rooms;
}

/** The subject as its event carries it: marked when the family keeps the item's service role from other services. */
export function audienceSubject(relation: FamilyRelation, subject: EventSubject): EventSubject {
  return isServiceRoleHidden(relation, subject.serviceRoleId) ? { ...subject, serviceRoleHidden: true } : subject;
}

/**
 * Whether the actor hears of an event: one of the rooms it goes to is one their socket joins. The
 * activity feed asks this of every past change, so it shows exactly what live events would tell.
 */
export function eventAudienceOf(
  actor: Actor,
  relation: FamilyRelation,
): (type: FamilyEventType, subject?: EventSubject) => boolean {
  const joined = new Set(audienceRoomsOf(actor, relation));
  return (type, subject) =>
    eventRooms(relation.familyId, type, subject && audienceSubject(relation, subject)).some((room) => joined.has(room));
}
