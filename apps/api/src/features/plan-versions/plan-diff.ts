import {
  assessmentDomains,
  attainmentLevels,
  attainmentScaleKeys,
  storyDiffFields,
  type Action,
  type Assessment,
  type AssessmentChanges,
  type DiffValue,
  type FrozenPlan,
  type FrozenStory,
  type Goal,
  type PlanVersionComparison,
  type ServiceRole,
} from '@yhdessa/shared';

interface Described<Title, Field extends string> {
  title: Title;
  fields: Record<Field, DiffValue>;
}

interface Changes<Title, Field extends string> {
  added: { id: string; title: Title }[];
  removed: { id: string; title: Title }[];
  changed: { id: string; title: Title; fields: { field: Field; before: DiffValue; after: DiffValue }[] }[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * What changed between two lists of the same kind of thing, matched by id, field by field. Each
 * side is described in the words of its own version (`describeBefore`, when they differ).
 */
export function diffEntities<T extends { id: string }, Title, Field extends string>(
  before: readonly T[],
  after: readonly T[],
  describe: (entity: T) => Described<Title, Field>,
  describeBefore: (entity: T) => Described<Title, Field> = describe,
): Changes<Title, Field> {
  const beforeById = new Map(before.map((entity) => [entity.id, entity]));
  const afterIds = new Set(after.map((entity) => entity.id));
  const changes: Changes<Title, Field> = { added: [], removed: [], changed: [] };
  for (const entity of after) {
    const previous = beforeById.get(entity.id);
    const now = describe(entity);
    if (!previous) {
      changes.added.push({ id: entity.id, title: now.title });
      continue;
    }
    const then = describeBefore(previous);
    const fields = (Object.keys(now.fields) as Field[])
      .filter((field) => !same(then.fields[field], now.fields[field]))
      .map((field) => ({ field, before: then.fields[field], after: now.fields[field] }));
    if (fields.length > 0) changes.changed.push({ id: entity.id, title: now.title, fields });
  }
  for (const entity of before)
    if (!afterIds.has(entity.id)) changes.removed.push({ id: entity.id, title: describeBefore(entity).title });
  return changes;
}

/** The levels' descriptions as one text, so that a change to any of them shows. */
const levelsText = (goal: Goal) =>
  goal.attainmentScale
    ? attainmentLevels.map((level) => `${level}: ${goal.attainmentScale![attainmentScaleKeys[level]]}`).join('\n')
    : null;

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
    attainmentLevels: levelsText(goal),
    attainedLevel: goal.attainedLevel,
    // How it is going: the latest recorded value.
    latestProgress: goal.progress.at(-1)?.value ?? null,
  },
});

const describeServiceRole = (role: ServiceRole) => ({
  title: role.service.name,
  fields: {
    status: role.status,
    description: role.description,
    responsibleWorker: role.responsibleWorker?.name ?? null,
    startsOn: role.startsOn,
    endsOn: role.endsOn,
  },
});

/** An action names its goal and its service in words, as the plan of that version did. */
const describeActionIn = (plan: FrozenPlan) => {
  const goalTitles = new Map(plan.goals.map((goal) => [goal.id, goal.title]));
  const serviceNames = new Map(plan.serviceRoles.map((role) => [role.id, role.service.name]));
  return (action: Action) => ({
    title: action.title,
    fields: {
      title: action.title,
      ownerName: action.ownerName,
      dueOn: action.dueOn,
      status: action.status,
      goal: action.goalId ? (goalTitles.get(action.goalId) ?? null) : null,
      service: action.serviceRoleId ? (serviceNames.get(action.serviceRoleId) ?? null) : null,
    },
  });
};

const allActions = (plan: FrozenPlan) => [...plan.serviceRoles.flatMap((role) => role.actions), ...plan.familyActions];

function diffStory(before: FrozenStory | null, after: FrozenStory | null): PlanVersionComparison['story'] {
  if (!before || !after) return null;
  return storyDiffFields
    .filter((field) => before[field] !== after[field])
    .map((field) => ({ field, before: before[field], after: after[field] }));
}

function diffAssessment(before: Assessment | null, after: Assessment | null): AssessmentChanges | null {
  if (!before || !after) return null;
  const rated = (assessment: Assessment, domain: string) => {
    const rating = assessment.ratings.find((each) => each.domain === domain);
    return rating ? { rating: rating.rating, notes: rating.notes } : null;
  };
  return {
    assessedOn: before.assessedOn === after.assessedOn ? null : { before: before.assessedOn, after: after.assessedOn },
    ratings: assessmentDomains
      .map((domain) => ({ domain, before: rated(before, domain), after: rated(after, domain) }))
      .filter((change) => !same(change.before, change.after)),
  };
}

/** Goals, service roles, actions, the story and the assessment, added, removed or changed from one frozen plan to another. */
export function comparePlans(from: FrozenPlan, to: FrozenPlan): PlanVersionComparison {
  return {
    from: from.version,
    to: to.version,
    goals: diffEntities(from.goals, to.goals, describeGoal),
    serviceRoles: diffEntities(from.serviceRoles, to.serviceRoles, describeServiceRole),
    actions: diffEntities(allActions(from), allActions(to), describeActionIn(to), describeActionIn(from)),
    story: diffStory(from.story, to.story),
    assessment: diffAssessment(from.assessment, to.assessment),
  };
}
