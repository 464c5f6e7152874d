import type { Action, EntityChanges, Goal, PlanSnapshot, PlanVersionComparison, ServiceRole } from '@yhdessa/shared';

type Fields = Record<string, unknown>;

/** What changed between two lists of the same kind of thing, matched by id, field by field. */
export function diffEntities<T extends { id: string }>(
  before: readonly T[],
  after: readonly T[],
  describe: (entity: T) => { title: string; fields: Fields },
): EntityChanges {
  const beforeById = new Map(before.map((entity) => [entity.id, entity]));
  const afterIds = new Set(after.map((entity) => entity.id));
  const changes: EntityChanges = { added: [], removed: [], changed: [] };
  for (const entity of after) {
    const previous = beforeById.get(entity.id);
    const now = describe(entity);
    if (!previous) {
      changes.added.push({ id: entity.id, title: now.title });
      continue;
    }
    const then = describe(previous);
    const fields = Object.keys({ ...then.fields, ...now.fields })
      .filter((field) => JSON.stringify(then.fields[field] ?? null) !== JSON.stringify(now.fields[field] ?? null))
      .map((field) => ({ field, before: then.fields[field] ?? null, after: now.fields[field] ?? null }));
    if (fields.length > 0) changes.changed.push({ id: entity.id, title: now.title, fields });
  }
  for (const entity of before)
    if (!afterIds.has(entity.id)) changes.removed.push({ id: entity.id, title: describe(entity).title });
  return changes;
}

const describeGoal = (goal: Goal) => ({
  title: goal.title,
  fields: {
    title: goal.title,
    ownerName: goal.ownerName,
    indicator: goal.indicator,
    baseline: goal.baseline,
    target: goal.target,
    targetOn: goal.targetOn,
    status: goal.status,
    endedOn: goal.endedOn,
    attainmentScale: goal.attainmentScale,
    attainedLevel: goal.attainedLevel,
    // How it is going: the latest recorded value.
    latestProgress: goal.progress?.at(-1)?.value ?? null,
  },
});

const describeServiceRole = (role: ServiceRole) => ({
  title: role.service.name.fi,
  fields: {
    status: role.status,
    description: role.description,
    responsibleWorker: role.responsibleWorker?.name ?? null,
    startsOn: role.startsOn,
    endsOn: role.endsOn,
  },
});

const describeAction = (action: Action) => ({
  title: action.title,
  fields: {
    title: action.title,
    ownerName: action.ownerName,
    dueOn: action.dueOn,
    status: action.status,
    goalId: action.goalId,
    serviceRoleId: action.serviceRoleId,
  },
});

const allActions = (plan: PlanSnapshot) => [...plan.serviceRoles.flatMap((role) => role.actions), ...plan.familyActions];

/** Goals, service roles and actions added, removed or changed from one frozen plan to another. */
export function comparePlans(from: PlanSnapshot, to: PlanSnapshot): PlanVersionComparison {
  return {
    from: from.version,
    to: to.version,
    goals: diffEntities(from.goals, to.goals, describeGoal),
    serviceRoles: diffEntities(from.serviceRoles, to.serviceRoles, describeServiceRole),
    actions: diffEntities(allActions(from), allActions(to), describeAction),
  };
}
