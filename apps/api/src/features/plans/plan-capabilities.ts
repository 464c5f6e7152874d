import { noteVisibilities, type Action, type Plan, type PlanAction, type PlanSnapshot } from '@yhdessa/shared';
import { authorizeFamily, type FamilyPermission, type FamilyTarget } from '../../access/family-policy';
import type { FamilyRelation } from '../../access/family-relation.repository';
import { takesActions } from '../actions';
import { takesUsage } from '../service-usage';
import type { Actor } from '../../core/actor';

/**
 * What the caller may do in the plan, asked of the same policy, with the same permission and
 * target, as each route that would do it: the client shows a control exactly when its route
 * would let the caller through. A closed case answers false to every change but reopening it.
 */
export function withPlanCapabilities(
  plan: PlanSnapshot,
  actor: Actor,
  relation: FamilyRelation,
): Omit<Plan, 'attainment' | 'lastVisitAt'> {
  const may = (permission: FamilyPermission, target?: FamilyTarget) =>
    authorizeFamily(actor, permission, relation, target).allowed;
  const noteVisibilitiesOn = (serviceRoleId: string | null) =>
    noteVisibilities.filter((visibility) => may('note:create', { serviceRoleId, visibility }));
  const withActionCapabilities = (action: Action): PlanAction => ({
    ...action,
    can: { changeStatus: may('action:update', { serviceRoleId: action.serviceRoleId }) },
  });

  return {
    ...plan,
    can: {
      editStory: may('story:update'),
      commentOnStory: may('story:comment'),
      resolveStoryComments: may('story:resolve-comment'),
      editAssessment: may('assessment:write'),
      addGoal: may('goal:create'),
      addProgress: may('goal-progress:create'),
      changeGoals: may('goal:update'),
      inviteService: may('service-role:invite'),
      inviteMember: may('member:invite'),
      writeNotes: noteVisibilitiesOn(null),
      manageReviews: may('review:manage'),
      proposeAgenda: may('agenda:propose'),
      editMembers: may('family:update'),
      changeCaseStatus: may(relation.status === 'closed' ? 'family:reopen' : 'family:update'),
      handOver: may('handover:request'),
      readCosts: may('usage:read'),
      readUsageSummary: may('usage-summary:read'),
      readFeedback: may('feedback:read'),
    },
    serviceRoles: plan.serviceRoles.map((role) => ({
      ...role,
      can: {
        edit: may('service-role:update', { serviceRoleId: role.id }),
        setDates: may('service-role-dates:update', { serviceRoleId: role.id }),
        end: may('service-role:end'),
        addAction: takesActions(role) && may('action:create', { serviceRoleId: role.id }),
        writeNotes: noteVisibilitiesOn(role.id),
        recordUsage: takesUsage(role.status) && may('usage:record', { serviceRoleId: role.id }),
      },
      actions: role.actions.map(withActionCapabilities),
    })),
    familyActions: plan.familyActions.map(withActionCapabilities),
  };
}
