import { planParts, type PlanPart, type PlanSnapshot } from '@yhdessa/shared';
import { presentAction } from '../actions';
import { presentGoal } from '../goals';
import type { PlanParts } from './plans.repository';

/** The plan's content, as a plan version freezes it; the live read adds what the caller may do (`withPlanCapabilities`). */
export function presentPlan(parts: PlanParts, sharedParts: ReadonlySet<PlanPart>): PlanSnapshot {
  const { header } = parts;
  return {
    family: {
      id: header.id,
      name: header.name,
      status: header.status,
      coordinator: { id: header.coordinatorId, name: header.coordinatorName },
    },
    version: header.version,
    updatedAt: header.updatedAt.toISOString(),
    sharedParts: planParts.filter((part) => sharedParts.has(part)),
    members: parts.members,
    goals: parts.goals.map((goal) => presentGoal(goal, parts.progress)),
    serviceRoles: parts.roles.map(({ role, service, responsibleName }) => ({
      id: role.id,
      service: { id: service.id, name: service.name, category: service.category, contact: service.contact },
      status: role.status,
      description: role.description,
      responsibleWorker:
        role.responsibleAccountId && responsibleName ? { id: role.responsibleAccountId, name: responsibleName } : null,
      startsOn: role.startsOn,
      endsOn: role.endsOn,
      version: role.version,
      actions: parts.actions.filter((action) => action.serviceRoleId === role.id).map(presentAction),
    })),
    familyActions: parts.actions.filter((action) => action.serviceRoleId === null).map(presentAction),
  };
}

/** The plan without the service roles kept from the reader, and their actions: to them the service is not involved. */
export function withoutHiddenRoles<Snapshot extends PlanSnapshot>(
  plan: Snapshot,
  hiddenServiceRoleIds: ReadonlySet<string>,
): Snapshot {
  if (hiddenServiceRoleIds.size === 0) return plan;
  return { ...plan, serviceRoles: plan.serviceRoles.filter((role) => !hiddenServiceRoleIds.has(role.id)) };
}
