import { planParts, type NoteVisibility, type PlanPart } from '@yhdessa/shared';
import type { Actor, Reader } from '../core/actor';
import type { FamilyRelation } from './family-relation.repository';

/**
 * The one place that decides what a person may do with a family's case. Pure functions over
 * the actor and their relation to the family, so the rules can be tested as tables.
 */

/** `handover-target`: the coordinator a pending handover names; they see only the handover until they accept. */
/** `invited-service`: a worker whose service is only invited; they see only the invitation until they accept. */
export type AccessBasis = 'coordinator' | 'service-role' | 'family-member' | 'handover-target' | 'invited-service';

export type FamilyPermission =
  | 'plan:read'
  | 'action:create'
  | 'action:update'
  | 'service-role:end'
  | 'service-role:invite'
  | 'service-role:update'
  | 'service-role-dates:update'
  | 'service-role-workers:read'
  | 'service-role-visibility:change'
  | 'invitation:read'
  | 'invitation:answer'
  | 'declined-invitation:read'
  | 'goal:create'
  | 'goal:update'
  | 'goal-progress:create'
  | 'goal-comment:read'
  | 'goal-comment:create'
  | 'action-comment:read'
  | 'action-comment:create'
  | 'note:read'
  | 'note:create'
  | 'note:update'
  | 'review:read'
  | 'review:manage'
  | 'agenda:propose'
  | 'plan-version:read'
  | 'consent:read'
  | 'consent:change'
  | 'access-log:read'
  | 'member:invite'
  | 'family:read'
  | 'family:update'
  | 'family:reopen'
  | 'handover:read'
  | 'handover:request'
  | 'handover-candidates:read'
  | 'handover:accept'
  | 'handover:decline'
  | 'story:read'
  | 'story:update'
  | 'story:comment'
  | 'story:resolve-comment'
  | 'assessment:read'
  | 'assessment:write'
  | 'measurement:read'
  | 'measurement:record'
  | 'measurement:correct'
  | 'usage:record'
  | 'usage:read'
  | 'usage-summary:read'
  | 'feedback:read'
  | 'feedback:answer'
  | 'feedback-permission:change'
  | 'program-enrolment:read'
  | 'program-enrolment:enrol'
  | 'program-enrolment:end'
  | 'program-consent:withdraw'
  | 'presence-preference:read'
  | 'presence-preference:change';

/** All a pending handover's target may do before accepting: see the handover (the family's name) and answer it. */
const handoverTargetPermissions: ReadonlySet<FamilyPermission> = new Set([
  'handover:read',
  'handover:accept',
  'handover:decline',
]);
/** All an invited service's worker may do before the service accepts: see the invitation and answer it. */
const invitedServicePermissions: ReadonlySet<FamilyPermission> = new Set(['invitation:read', 'invitation:answer']);

export type Decision =
  | { allowed: true; basis: AccessBasis }
  /** `not_found` hides that the family exists; `forbidden` is for what the caller can already see. */
  | { allowed: false; reason: 'not_found' | 'forbidden' | 'case_closed'; basis: AccessBasis | 'none' };

/** Which relationship, if any, lets the actor into the family at all. */
export function familyAccessBasis(actor: Reader, relation: FamilyRelation): AccessBasis | null {
  switch (actor.role) {
    case 'coordinator':
      if (relation.coordinatorId === actor.accountId) return 'coordinator';
      return relation.handoverToId === actor.accountId ? 'handover-target' : null;
    case 'worker':
      if (relation.actorServiceRoleIds.length > 0) return 'service-role';
      return relation.actorInvitedServiceRoleIds.length > 0 ? 'invited-service' : null;
    case 'family':
      return relation.actorMember ? 'family-member' : null;
    case 'manager':
    case 'admin':
      return null;
  }
}

/** What a decision is about, when that matters: whose part of the plan, who wrote it, who may read it. */
export interface FamilyTarget {
  /** The service role it belongs to; null for the family's own (or the coordinator's) part. */
  serviceRoleId?: string | null;
  authorId?: string;
  visibility?: NoteVisibility;
}

type Allows = (basis: AccessBasis, relation: FamilyRelation, target: FamilyTarget | undefined, actor: Reader) => boolean;

const isOwnRole = (relation: FamilyRelation, target?: FamilyTarget) =>
  target?.serviceRoleId != null && relation.actorServiceRoleIds.includes(target.serviceRoleId);
const inPlan = (basis: AccessBasis) => basis === 'coordinator' || basis === 'service-role' || basis === 'family-member';

/** A service acts only within its own role; the family only on its own part; the coordinator on anything. */
const ownPartOfPlan: Allows = (basis, relation, target) =>
  basis === 'coordinator' ||
  (basis === 'service-role' && isOwnRole(relation, target)) ||
  (basis === 'family-member' && target?.serviceRoleId === null);

/** The coordinator, or a worker of the service on its own role. */
const coordinatorOrOwnRole: Allows = (basis, relation, target) =>
  basis === 'coordinator' || (basis === 'service-role' && isOwnRole(relation, target));

/** Who may do what, by basis. A write also needs an open case. */
const rules: Record<FamilyPermission, { write: boolean; allows: Allows }> = {
  'plan:read': { write: false, allows: () => true },
  'action:create': { write: true, allows: ownPartOfPlan },
  // Its words, owner, due date and goal as well as its status: whoever does the action keeps it up to
  // date. Linking a goal also needs the goals in sight (the actions service checks that).
  'action:update': { write: true, allows: ownPartOfPlan },
  'service-role:end': { write: true, allows: (basis) => basis === 'coordinator' },
  'service-role:invite': { write: true, allows: (basis) => basis === 'coordinator' },
  'service-role:update': { write: true, allows: coordinatorOrOwnRole },
  // When a service's part starts and ends decides how long it sees the family: the coordinator's to set.
  'service-role-dates:update': { write: true, allows: (basis) => basis === 'coordinator' },
  // Whom the role may name responsible: asked by those who may change the role.
  'service-role-workers:read': { write: false, allows: coordinatorOrOwnRole },
  // Whether other services learn that a service is involved is the family's to decide (a guardian), or its coordinator's; never a service's.
  'service-role-visibility:change': {
    write: true,
    allows: (basis, relation) =>
      basis === 'coordinator' || (basis === 'family-member' && relation.actorMember?.relation === 'guardian'),
  },
  'invitation:read': {
    write: false,
    allows: (basis, relation, target) =>
      basis === 'coordinator' ||
      (target?.serviceRoleId != null &&
        [...relation.actorInvitedServiceRoleIds, ...relation.actorServiceRoleIds].includes(target.serviceRoleId)),
  },
  // Only the invited service answers; the coordinator sees the answer.
  'invitation:answer': {
    write: true,
    allows: (basis, relation, target) =>
      (basis === 'invited-service' || basis === 'service-role') &&
      target?.serviceRoleId != null &&
      relation.actorInvitedServiceRoleIds.includes(target.serviceRoleId),
  },
  // A declined invitation stays on the plan for the coordinator and the family; other services are not
  // told which services said no. Who declined and why is read as the invitation is (`invitation:read`).
  'declined-invitation:read': { write: false, allows: (basis) => basis === 'coordinator' || basis === 'family-member' },
  // Goals are in the family's words: the family adds them, the coordinator keeps them in shape.
  'goal:create': { write: true, allows: (basis) => basis === 'coordinator' || basis === 'family-member' },
  'goal:update': { write: true, allows: (basis) => basis === 'coordinator' },
  // A service records progress only on goals the family shares with it.
  'goal-progress:create': {
    write: true,
    allows: (basis, relation) =>
      basis === 'coordinator' ||
      basis === 'family-member' ||
      (basis === 'service-role' && relation.consentedParts.includes('goals')),
  },
  // Whoever may read a goal or an action may talk about it: goals reach a service only with the family's consent.
  'goal-comment:read': { write: false, allows: (basis, relation) => partVisible(basis, relation, 'goals') },
  'goal-comment:create': { write: true, allows: (basis, relation) => partVisible(basis, relation, 'goals') },
  'action-comment:read': { write: false, allows: inPlan },
  'action-comment:create': { write: true, allows: inPlan },
  // Which notes each may read is narrowed by `readableNotes`.
  'note:read': { write: false, allows: inPlan },
  // The family writes only notes it can read itself, not on a service's role.
  'note:create': {
    write: true,
    allows: (basis, relation, target) =>
      basis === 'coordinator' ||
      (basis === 'service-role' && isOwnRole(relation, target)) ||
      (basis === 'family-member' && target?.serviceRoleId === null && target.visibility === 'family'),
  },
  'note:update': {
    write: true,
    allows: (basis, _relation, target, actor) => inPlan(basis) && target?.authorId === actor.accountId,
  },
  'review:read': { write: false, allows: inPlan },
  'review:manage': { write: true, allows: (basis) => basis === 'coordinator' },
  // "The family can propose items": everyone in the plan may put a topic on the agenda.
  'agenda:propose': { write: true, allows: inPlan },
  'plan-version:read': { write: false, allows: inPlan },
  // Consent is the family's: services never see who consented to what for others.
  'consent:read': { write: false, allows: (basis) => basis !== 'service-role' },
  // Only a guardian decides; a young member sees the consents but does not change them.
  'consent:change': {
    write: true,
    allows: (basis, relation) => basis === 'family-member' && relation.actorMember?.relation === 'guardian',
  },
  'access-log:read': { write: false, allows: (basis) => basis !== 'service-role' },
  // A login for a family member is the coordinator's to hand out: it opens the whole family-visible plan.
  'member:invite': { write: true, allows: (basis) => basis === 'coordinator' },
  // Members' names and birth years are case data that services see in the plan already.
  'family:read': { write: false, allows: () => true },
  'family:update': { write: true, allows: (basis) => basis === 'coordinator' },
  // The one change a closed case takes: its coordinator opens it again.
  'family:reopen': { write: false, allows: (basis) => basis === 'coordinator' },
  'handover:read': { write: false, allows: (basis) => basis === 'coordinator' || basis === 'handover-target' },
  'handover:request': { write: true, allows: (basis) => basis === 'coordinator' },
  'handover-candidates:read': { write: false, allows: (basis) => basis === 'coordinator' },
  'handover:accept': { write: true, allows: (basis) => basis === 'handover-target' },
  // The target declines, or the coordinator withdraws the request.
  'handover:decline': { write: true, allows: (basis) => basis === 'coordinator' || basis === 'handover-target' },
  'story:read': { write: false, allows: (basis, relation) => partVisible(basis, relation, 'story') },
  'story:update': { write: true, allows: (basis) => basis === 'coordinator' },
  'story:comment': { write: true, allows: (basis) => basis === 'family-member' },
  'story:resolve-comment': { write: true, allows: (basis) => basis === 'coordinator' },
  'assessment:read': { write: false, allows: (basis, relation) => partVisible(basis, relation, 'assessment') },
  'assessment:write': { write: true, allows: (basis) => basis === 'coordinator' },
  // The wellbeing meter is the family's own voice: professionals read it (with consent), never write it.
  'measurement:read': { write: false, allows: (basis, relation) => partVisible(basis, relation, 'measurements') },
  'measurement:record': { write: true, allows: (basis) => basis === 'family-member' },
  // Only the member who answered corrects their answer (and only on its day: `measurement_final`).
  'measurement:correct': {
    write: true,
    allows: (basis, _relation, target, actor) => basis === 'family-member' && target?.authorId === actor.accountId,
  },
  // A service records (and corrects) what it provided only on its own role; the coordinator on any.
  'usage:record': { write: true, allows: coordinatorOrOwnRole },
  // Usage with its prices and the family's costs; which entries each may read is narrowed by `readableUsage`.
  'usage:read': { write: false, allows: (basis) => basis === 'coordinator' || basis === 'service-role' },
  // The family sees the services it received, in units and months, never their prices.
  'usage-summary:read': { write: false, allows: (basis) => basis === 'family-member' },
  // The family's experience is never a service's to read; which answers the coordinator sees is `readableFeedbackAnswer`.
  'feedback:read': { write: false, allows: (basis) => basis === 'coordinator' || basis === 'family-member' },
  // Any member with a login answers for the family. Not a change to the plan, so a closed case takes
  // it: the closing request is asked just as the case closes.
  'feedback:answer': { write: false, allows: (basis) => basis === 'family-member' },
  // Who answered decides who else sees it, and may take the permission back, after the case closed too.
  'feedback-permission:change': {
    write: false,
    allows: (basis, _relation, target, actor) => basis === 'family-member' && target?.authorId === actor.accountId,
  },
  // An outcome-based programme is between the family and its coordinator: services are not told of it.
  'program-enrolment:read': { write: false, allows: (basis) => basis === 'coordinator' || basis === 'family-member' },
  'program-enrolment:enrol': { write: true, allows: (basis) => basis === 'coordinator' },
  'program-enrolment:end': { write: true, allows: (basis) => basis === 'coordinator' },
  // A guardian takes the consent back, or the coordinator records it; after the case closed too.
  'program-consent:withdraw': {
    write: false,
    allows: (basis, relation) =>
      basis === 'coordinator' || (basis === 'family-member' && relation.actorMember?.relation === 'guardian'),
  },
  // Whether to be told that the coordinator is looking is each member's own choice, on a closed case too.
  'presence-preference:read': { write: false, allows: (basis) => basis === 'family-member' },
  'presence-preference:change': { write: false, allows: (basis) => basis === 'family-member' },
};

export function authorizeFamily(
  actor: Reader,
  permission: FamilyPermission,
  relation: FamilyRelation,
  target?: FamilyTarget,
): Decision {
  const basis = familyAccessBasis(actor, relation);
  if (!basis) return { allowed: false, reason: 'not_found', basis: 'none' };
  if (basis === 'handover-target' && !handoverTargetPermissions.has(permission))
    return { allowed: false, reason: 'not_found', basis };
  if (basis === 'invited-service' && !invitedServicePermissions.has(permission))
    return { allowed: false, reason: 'not_found', basis };
  // A role kept from the actor's service does not exist for them, whatever they ask of it.
  if (target?.serviceRoleId != null && hiddenServiceRoleIds(actor, relation).has(target.serviceRoleId))
    return { allowed: false, reason: 'not_found', basis };
  const rule = rules[permission];
  if (!rule.allows(basis, relation, target, actor)) return { allowed: false, reason: 'forbidden', basis };
  if (rule.write && relation.status === 'closed') return { allowed: false, reason: 'case_closed', basis };
  return { allowed: true, basis };
}

/** The plan parts the actor may read: a service sees only what the family consented to share with it. */
export function visiblePlanParts(actor: Actor, relation: FamilyRelation): ReadonlySet<PlanPart> {
  const basis = familyAccessBasis(actor, relation);
  return new Set(basis ? planParts.filter((part) => partVisible(basis, relation, part)) : []);
}

function partVisible(basis: AccessBasis, relation: FamilyRelation, part: PlanPart): boolean {
  if (basis === 'coordinator' || basis === 'family-member') return true;
  return basis === 'service-role' && relation.consentedParts.includes(part);
}

/**
 * The service roles the actor may not know of: roles the family keeps between itself, the
 * coordinator and the role's own service. Every read that names a service role filters by this.
 */
export function hiddenServiceRoleIds(actor: Reader, relation: FamilyRelation): ReadonlySet<string> {
  const basis = familyAccessBasis(actor, relation);
  if (basis !== 'service-role' && basis !== 'invited-service') return new Set();
  return new Set(relation.hiddenServiceRoles.filter((role) => !role.ofActorsService).map((role) => role.id));
}

/** Whether the role is kept from other services (whoever asks): its items then reach only those who may know of it. */
export function isServiceRoleHidden(relation: FamilyRelation, serviceRoleId: string | null | undefined): boolean {
  return serviceRoleId != null && relation.hiddenServiceRoles.some((role) => role.id === serviceRoleId);
}

/** Whether the basis opens the case itself (its routes and its live room), not only a pending handover or invitation. */
export function opensCase(basis: AccessBasis | null): basis is Exclude<AccessBasis, 'handover-target' | 'invited-service'> {
  return basis !== null && basis !== 'handover-target' && basis !== 'invited-service';
}

/**
 * Which notes the actor may read: the family only what is written for it; a service its own
 * role's notes, and everyone's only when the family shares notes with it.
 */
export function readableNotes(
  actor: Actor,
  relation: FamilyRelation,
): { visibility: 'any' | 'family'; serviceRoleIds: 'any' | readonly string[]; hiddenServiceRoleIds: readonly string[] } {
  const basis = familyAccessBasis(actor, relation);
  if (basis === 'coordinator') return { visibility: 'any', serviceRoleIds: 'any', hiddenServiceRoleIds: [] };
  if (basis === 'family-member') return { visibility: 'family', serviceRoleIds: 'any', hiddenServiceRoleIds: [] };
  if (basis === 'service-role')
    return relation.consentedParts.includes('notes')
      ? { visibility: 'any', serviceRoleIds: 'any', hiddenServiceRoleIds: [...hiddenServiceRoleIds(actor, relation)] }
      : { visibility: 'any', serviceRoleIds: relation.actorServiceRoleIds, hiddenServiceRoleIds: [] };
  return { visibility: 'family', serviceRoleIds: [], hiddenServiceRoleIds: [] };
}

/** Whether the actor may read one note, by `readableNotes`. */
export function noteReadable(
  actor: Actor,
  relation: FamilyRelation,
  note: { visibility: NoteVisibility; serviceRoleId: string | null },
): boolean {
  const scope = readableNotes(actor, relation);
  return (
    (scope.visibility === 'any' || note.visibility === 'family') &&
    (scope.serviceRoleIds === 'any' || (note.serviceRoleId !== null && scope.serviceRoleIds.includes(note.serviceRoleId))) &&
    (note.serviceRoleId === null || !scope.hiddenServiceRoleIds.includes(note.serviceRoleId))
  );
}

/** Whose usage and costs the actor may read: the coordinator all of the family's, a service only its own roles'. */
export function readableUsage(actor: Actor, relation: FamilyRelation): 'any' | readonly string[] {
  const basis = familyAccessBasis(actor, relation);
  if (basis === 'coordinator') return 'any';
  return basis === 'service-role' ? relation.actorServiceRoleIds : [];
}

/** Whether the actor may read one answer of the family's feedback: the family always, the coordinator only when the family allows it. */
export function readableFeedbackAnswer(actor: Actor, relation: FamilyRelation, answer: { coordinatorMaySee: boolean }): boolean {
  const basis = familyAccessBasis(actor, relation);
  return basis === 'family-member' || (basis === 'coordinator' && answer.coordinatorMaySee);
}
