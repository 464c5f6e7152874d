import type { Comment, CommentThread, FamilyEventType, NewComment } from '@yhdessa/shared';
import { authorizeFamily, hiddenServiceRoleIds, type FamilyPermission } from '../../access/family-policy';
import { refuseUnseen, requireFamilyPermission } from '../../access/require-family-permission';
import type { RouteContext } from '../../http/route';
import { presentComment } from './comment.presenter';
import { findTargetInPlan, insertComment, listComments, type CommentTarget } from './comments.repository';

type FamilyContext = RouteContext<{ kind: 'family' }>;

/** Goals and actions are commented on alike; only who may read them, and so who hears of a comment, differs. */
const rulesOf: Record<
  CommentTarget['kind'],
  { read: FamilyPermission; create: FamilyPermission; resource: string; event: FamilyEventType }
> = {
  goal: { read: 'goal-comment:read', create: 'goal-comment:create', resource: 'goal-comment', event: 'goal.commented' },
  action: {
    read: 'action-comment:read',
    create: 'action-comment:create',
    resource: 'action-comment',
    event: 'action.commented',
  },
};

/**
 * The goal or action must be one the caller sees in this plan, so not an action of a role the
 * family keeps from the caller's service; otherwise it does not exist for them.
 */
async function requireTarget(familyId: string, target: CommentTarget, context: FamilyContext, action: 'read' | 'update') {
  const found = await findTargetInPlan(familyId, target, context.tx);
  const hidden = hiddenServiceRoleIds(context.actor, context.family.relation);
  if (!found || (found.serviceRoleId !== null && hidden.has(found.serviceRoleId)))
    throw refuseUnseen(context, { resource: rulesOf[target.kind].resource, resourceId: target.id }, action);
  return found;
}

/** The comments on a goal or an action, for whoever may read it. */
export async function readComments(familyId: string, target: CommentTarget, context: FamilyContext): Promise<CommentThread> {
  const rules = rulesOf[target.kind];
  const basis = requireFamilyPermission(context, rules.read, {
    resource: rules.resource,
    resourceId: target.id,
    hideWhenForbidden: true,
  });
  await requireTarget(familyId, target, context, 'read');
  const rows = await listComments(familyId, target, context.tx);
  await context.audit({ familyId, action: 'read', resource: rules.resource, resourceId: target.id, outcome: 'allowed', basis });
  return {
    comments: rows.map(presentComment),
    can: { comment: authorizeFamily(context.actor, rules.create, context.family.relation).allowed },
  };
}

/** The family, the coordinator or a worker who reads the goal or action comments on it; everyone who reads it sees it at once. */
export async function addComment(
  familyId: string,
  target: CommentTarget,
  { body }: NewComment,
  context: FamilyContext,
): Promise<Comment> {
  const rules = rulesOf[target.kind];
  const basis = requireFamilyPermission(context, rules.create, {
    resource: rules.resource,
    resourceId: target.id,
    hideWhenForbidden: !authorizeFamily(context.actor, rules.read, context.family.relation).allowed,
  });
  const { serviceRoleId } = await requireTarget(familyId, target, context, 'update');
  const row = await insertComment(familyId, target, { body, authorId: context.actor.accountId }, context.tx);
  await context.audit({
    familyId,
    action: 'create',
    resource: rules.resource,
    resourceId: row.comment.id,
    outcome: 'allowed',
    basis,
    detail: { [target.kind === 'goal' ? 'goalId' : 'actionId']: target.id },
  });
  // A comment on a hidden role's action reaches only those who may know of the role.
  await context.recordFamilyEvent({ type: rules.event, familyId, id: row.comment.id, version: 1 }, { serviceRoleId });
  return presentComment(row);
}
