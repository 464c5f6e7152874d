import type { QueryClient } from '@tanstack/react-query';
import type { Action, Plan, PlanAction } from '@yhdessa/shared';
import { queryKeys } from '../../../lib/query-keys';

function withAction(plan: Plan, action: Action): Plan {
  // An action's own answer says nothing of what the user may do with it: that stays as the plan said.
  const replace = (actions: PlanAction[]) => actions.map((each) => (each.id === action.id ? { ...action, can: each.can } : each));
  return {
    ...plan,
    serviceRoles: plan.serviceRoles.map((role) => ({ ...role, actions: replace(role.actions) })),
    familyActions: replace(plan.familyActions),
  };
}

export function findPlanAction(plan: Plan, actionId: string): PlanAction | undefined {
  return [...plan.familyActions, ...plan.serviceRoles.flatMap((role) => role.actions)].find((action) => action.id === actionId);
}

/** Puts the server's answer into the cached plan; an older answer never overwrites a newer one. */
export function storePlanAction(queryClient: QueryClient, familyId: string, action: Action): void {
  queryClient.setQueryData<Plan>(queryKeys.plan(familyId), (plan) => {
    if (!plan) return plan;
    const cached = findPlanAction(plan, action.id);
    return cached && cached.version > action.version ? plan : withAction(plan, action);
  });
  // The list's open and overdue counts follow from action statuses.
  void queryClient.invalidateQueries({ queryKey: queryKeys.families });
  void queryClient.invalidateQueries({ queryKey: queryKeys.workspace });
}
