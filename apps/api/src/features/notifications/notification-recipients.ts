import type { FamilyEvent, FamilyEventType, NotificationDetails, NotificationKind } from '@yhdessa/shared';
import type { Reader } from '../../core/actor';
import type { Queryable } from '../../db/database';
import {
  findActionFacts,
  findCommentFacts,
  findConsentFacts,
  findCoordinators,
  findReviewFacts,
  findServiceRoleFacts,
  listMembersWithLogin,
  listServicesInPlan,
  listWorkersOfService,
  type ActionFacts,
} from './notification-facts.repository';

/**
 * Who hears of which change, before anyone is filtered out: the actor, those who turned the kind
 * off, and those who may not see the item (see `deliverNotifications`).
 */
export interface NotificationDraft<K extends NotificationKind = NotificationKind> {
  kind: K;
  itemId: string;
  /** The service role the item belongs to, for the access check. */
  serviceRoleId: string | null;
  details: NotificationDetails<K>;
  recipients: Reader[];
  /** For what the clock brings: told once per occasion. */
  occasion?: string;
}

type Recipe = (event: FamilyEvent, actor: Reader | null, db: Queryable) => Promise<NotificationDraft[]>;

const draft = <K extends NotificationKind>(value: NotificationDraft<K>): NotificationDraft[] => [value as NotificationDraft];

/** Whoever does the action: its service's workers, or the family's members for the family's own. */
export function ownersOfAction(action: ActionFacts, db: Queryable): Promise<Reader[]> {
  return action.serviceId ? listWorkersOfService(action.serviceId, db) : listMembersWithLogin(action.familyId, db);
}

const actionAssigned: Recipe = async (event, _actor, db) => {
  const action = await findActionFacts(event.familyId, event.id, db);
  if (!action) return [];
  return draft({
    kind: 'actionAssigned',
    itemId: action.id,
    serviceRoleId: action.serviceRoleId,
    details: { title: action.title, serviceName: action.serviceName, dueOn: action.dueOn },
    recipients: await ownersOfAction(action, db),
  });
};

/** The coordinator hears of what the family says; the family of what professionals say on its goals. */
const commentOnGoalOrAction: Recipe = async (event, actor, db) => {
  const comment = await findCommentFacts(event.familyId, event.id, db);
  const coordinators = await findCoordinators(event.familyId, db);
  if (!comment || !coordinators) return [];
  const byFamily = actor?.role === 'family';
  const coordinator = byFamily ? [coordinators.coordinator] : [];
  if (comment.on === 'goal')
    return draft({
      kind: 'commentAdded',
      itemId: comment.goalId,
      serviceRoleId: null,
      details: { on: 'goal', title: comment.title },
      recipients: byFamily ? coordinator : await listMembersWithLogin(event.familyId, db),
    });
  const { action } = comment;
  return draft({
    kind: 'commentAdded',
    itemId: action.id,
    serviceRoleId: action.serviceRoleId,
    details: { on: 'action', title: action.title },
    recipients: [...coordinator, ...(await ownersOfAction(action, db))],
  });
};

const commentOnStory: Recipe = async (event, _actor, db) => {
  const coordinators = await findCoordinators(event.familyId, db);
  return coordinators
    ? draft({
        kind: 'commentAdded',
        itemId: event.id,
        serviceRoleId: null,
        details: { on: 'story', title: null },
        recipients: [coordinators.coordinator],
      })
    : [];
};

const invitationReceived: Recipe = async (event, _actor, db) => {
  const role = await findServiceRoleFacts(event.familyId, event.id, db);
  if (!role) return [];
  return draft({
    kind: 'invitationReceived',
    itemId: role.id,
    serviceRoleId: role.id,
    details: { serviceName: role.serviceName },
    recipients: await listWorkersOfService(role.serviceId, db),
  });
};

const invitationAnswered =
  (answer: 'accepted' | 'declined'): Recipe =>
  async (event, _actor, db) => {
    const role = await findServiceRoleFacts(event.familyId, event.id, db);
    const coordinators = await findCoordinators(event.familyId, db);
    if (!role || !coordinators) return [];
    return draft({
      kind: 'invitationAnswered',
      itemId: role.id,
      serviceRoleId: role.id,
      details: { serviceName: role.serviceName, answer },
      recipients: [coordinators.coordinator],
    });
  };

const serviceRoleChanged =
  (change: 'updated' | 'ended'): Recipe =>
  async (event, _actor, db) => {
    const role = await findServiceRoleFacts(event.familyId, event.id, db);
    if (!role) return [];
    return draft({
      kind: 'serviceRoleChanged',
      itemId: role.id,
      serviceRoleId: role.id,
      details: { serviceName: role.serviceName, change, endsOn: change === 'ended' ? role.endsOn : null },
      recipients: await listWorkersOfService(role.serviceId, db),
    });
  };

const handoverRequested: Recipe = async (event, _actor, db) => {
  const coordinators = await findCoordinators(event.familyId, db);
  if (!coordinators?.handoverTo) return [];
  return draft({
    kind: 'handoverRequested',
    itemId: event.familyId,
    serviceRoleId: null,
    details: {},
    recipients: [coordinators.handoverTo],
  });
};

/** Everyone in the plan: the services with an active role and the family's members. */
async function peopleInPlan(familyId: string, db: Queryable): Promise<Reader[]> {
  const workers = await Promise.all(
    (await listServicesInPlan(familyId, db)).map((serviceId) => listWorkersOfService(serviceId, db)),
  );
  return [...workers.flat(), ...(await listMembersWithLogin(familyId, db))];
}

const reviewScheduled: Recipe = async (event, _actor, db) => {
  const review = await findReviewFacts(event.familyId, event.id, db);
  if (!review) return [];
  return draft({
    kind: 'reviewScheduled',
    itemId: event.id,
    serviceRoleId: null,
    details: { scheduledOn: review.scheduledOn },
    recipients: await peopleInPlan(event.familyId, db),
  });
};

/** A review's minutes change often; only its completion is news. */
const reviewCompleted: Recipe = async (event, _actor, db) => {
  const review = await findReviewFacts(event.familyId, event.id, db);
  if (review?.status !== 'completed') return [];
  return draft({
    kind: 'reviewCompleted',
    itemId: event.id,
    serviceRoleId: null,
    details: { scheduledOn: review.scheduledOn, planVersion: review.planVersion },
    recipients: await peopleInPlan(event.familyId, db),
  });
};

/** The coordinator hears of every consent decision; a service of those about itself. */
const consentChanged: Recipe = async (event, _actor, db) => {
  const consent = await findConsentFacts(event.familyId, event.id, db);
  const coordinators = await findCoordinators(event.familyId, db);
  if (!consent || !coordinators) return [];
  return draft({
    kind: 'consentChanged',
    itemId: event.id,
    serviceRoleId: consent.serviceRoleId,
    details: { serviceName: consent.serviceName, part: consent.part, granted: consent.granted },
    recipients: [coordinators.coordinator, ...(await listWorkersOfService(consent.serviceId, db))],
  });
};

const recipes: Partial<Record<FamilyEventType, Recipe>> = {
  'action.created': actionAssigned,
  'action.commented': commentOnGoalOrAction,
  'goal.commented': commentOnGoalOrAction,
  'story.commented': commentOnStory,
  'serviceRole.invited': invitationReceived,
  'serviceRole.accepted': invitationAnswered('accepted'),
  'serviceRole.declined': invitationAnswered('declined'),
  'serviceRole.updated': serviceRoleChanged('updated'),
  'serviceRole.ended': serviceRoleChanged('ended'),
  'handover.requested': handoverRequested,
  'review.created': reviewScheduled,
  'review.updated': reviewCompleted,
  'consent.changed': consentChanged,
};

/** The notifications a family event may give rise to; none for most events. */
export function draftsOfEvent(event: FamilyEvent, actor: Reader | null, db: Queryable): Promise<NotificationDraft[]> {
  return recipes[event.type]?.(event, actor, db) ?? Promise.resolve([]);
}
