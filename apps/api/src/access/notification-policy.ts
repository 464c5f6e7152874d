import type { NotificationKind } from '@yhdessa/shared';
import type { Reader } from '../core/actor';
import { authorizeFamily, type FamilyPermission } from './family-policy';
import type { FamilyRelation } from './family-relation.repository';

/** What a notification's visibility is decided on: its kind, its item's service role, and what a comment is on. */
export interface NotificationSubject {
  kind: NotificationKind;
  /** The service role the item belongs to; null for the family's own items and the family itself. */
  serviceRoleId: string | null;
  commentOn?: 'goal' | 'action' | 'story';
  /** A service role's end, with whether the reader works in that role's service (asked only then). */
  roleEnded?: { readerInRolesService: boolean };
}

type Sees = (reader: Reader, relation: FamilyRelation, subject: NotificationSubject) => boolean;

/** The reader may read the item: the same permission, with the item's role as the target, as the route that shows it. */
const mayRead =
  (permission: FamilyPermission): Sees =>
  (reader, relation, subject) =>
    authorizeFamily(reader, permission, relation, { serviceRoleId: subject.serviceRoleId }).allowed;

const commentPermission: Record<NonNullable<NotificationSubject['commentOn']>, FamilyPermission> = {
  goal: 'goal-comment:read',
  action: 'action-comment:read',
  story: 'story:read',
};

/** Per kind, whom the item is visible to: asked when the notification is made and again on every read. */
const rules: Record<NotificationKind, Sees> = {
  actionAssigned: mayRead('plan:read'),
  actionOverdue: mayRead('plan:read'),
  commentAdded: (reader, relation, subject) =>
    subject.commentOn !== undefined && mayRead(commentPermission[subject.commentOn])(reader, relation, subject),
  // A service no longer sees the family once its part ended, but hears that it did: the notice names
  // the family it worked with, and nothing of the plan.
  serviceRoleChanged: (reader, relation, subject) =>
    mayRead('plan:read')(reader, relation, subject) || subject.roleEnded?.readerInRolesService === true,
  // The invited service's worker before it answers (and after accepting), the coordinator always.
  invitationReceived: mayRead('invitation:read'),
  invitationAnswered: mayRead('invitation:read'),
  // The named coordinator sees the pending handover (the family's name) and nothing else.
  handoverRequested: mayRead('handover:read'),
  reviewScheduled: mayRead('review:read'),
  reviewCompleted: mayRead('review:read'),
  // The family's consents are not a service's to read; a service hears only that what its own role sees changed.
  consentChanged: (reader, relation, subject) =>
    mayRead('consent:read')(reader, relation, subject) ||
    (mayRead('plan:read')(reader, relation, subject) &&
      subject.serviceRoleId !== null &&
      relation.actorServiceRoleIds.includes(subject.serviceRoleId)),
};

/**
 * Whether the reader may see what the notification is about now: a withdrawn consent, a role the
 * family keeps from the reader's service, an ended role or a closed relationship hides it.
 */
export function notificationVisible(reader: Reader, relation: FamilyRelation, subject: NotificationSubject): boolean {
  return rules[subject.kind](reader, relation, subject);
}
