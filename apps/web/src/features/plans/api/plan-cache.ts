import type { QueryClient } from '@tanstack/react-query';
import type { Action, FamilyEvent, Plan, PlanAction } from '@yhdessa/shared';
import { planQueryKey } from './plan.query';

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
  queryClient.setQueryData<Plan>(planQueryKey(familyId), (plan) => {
    if (!plan) return plan;
    const cached = findPlanAction(plan, action.id);
    return cached && cached.version > action.version ? plan : withAction(plan, action);
  });
}

/** Skips what the cache already has (usually our own change coming back); otherwise refetches what we may see. */
export async function applyFamilyEventToPlan(queryClient: QueryClient, event: FamilyEvent): Promise<void> {
  const plan = queryClient.getQueryData<Plan>(planQueryKey(event.familyId));
  const cached = plan && event.type === 'action.updated' ? findPlanAction(plan, event.id) : undefined;
  if (cached && cached.version >= event.version) return;
  await queryClient.invalidateQueries({ queryKey: planQueryKey(event.familyId) });
}

/**
 * Reads the plan again after joining the family's room. A read already under way may have
 * happened before the join, so it is dropped rather than trusted.
 */
export async function refreshPlan(queryClient: QueryClient, familyId: string): Promise<void> {
  await queryClient.cancelQueries({ queryKey: planQueryKey(familyId) });
  await queryClient.invalidateQueries({ queryKey: planQueryKey(familyId) });
}
