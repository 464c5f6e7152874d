import type { Action, CurrentUser, Plan, PlanServiceRole as ServiceRole } from '@yhdessa/shared';

/**
 * What the plan screen offers to whom. The server decides in the end; this only keeps controls
 * away from those who would be refused (a service acts in its own role, the family on its own part).
 */
export function planPermissions(user: CurrentUser | null | undefined, plan: Plan) {
  const open = plan.family.status !== 'closed';
  const coordinator = user?.role === 'coordinator' && plan.family.coordinator.id === user.id;
  const family = user?.role === 'family';
  const ownRoles: ServiceRole[] =
    user?.role === 'worker'
      ? plan.serviceRoles.filter((role) => role.status === 'accepted' && user.serviceIds.includes(role.service.id))
      : [];
  const isOwnRole = (role: ServiceRole) => ownRoles.some((own) => own.id === role.id);
  const ownsAction = (action: Action) =>
    coordinator || (family && action.serviceRoleId === null) || ownRoles.some((own) => own.id === action.serviceRoleId);
  const roleOpen = (role: ServiceRole) => role.status === 'invited' || role.status === 'accepted';
  return {
    coordinator,
    family,
    ownRoles,
    editStory: open && coordinator,
    editAssessment: open && coordinator,
    addGoal: open && (coordinator || family),
    addProgress: open && (coordinator || family || (ownRoles.length > 0 && plan.sharedParts.includes('goals'))),
    inviteService: open && coordinator,
    inviteMember: open && coordinator,
    /** Whose action it is; on a closed case the control stays, disabled, for those who own it. */
    changeAction: ownsAction,
    addAction: (role: ServiceRole) => open && role.status === 'accepted' && (coordinator || isOwnRole(role)),
    writeNotes: open && (coordinator || family || ownRoles.length > 0),
    manageReviews: open && coordinator,
    proposeAgenda: open && Boolean(user),
    editMembers: open && coordinator,
    /** Closing an open case, and opening a closed one again. */
    changeCaseStatus: coordinator,
    handOver: open && coordinator,
    editRole: (role: ServiceRole) => open && ((coordinator && roleOpen(role)) || isOwnRole(role)),
    endRole: (role: ServiceRole) => open && coordinator && roleOpen(role),
    // When a role starts and ends decides how long its service sees the family: the coordinator's to set.
    setRoleDates: open && coordinator,
  };
}
