import type { CreateGoal, CreateGoalProgress, Goal, GoalParams, UpdateGoal } from '@yhdessa/shared';
import { visiblePlanParts } from '../../access/family-policy';
import { refuseUnseen, requireFamilyPermission } from '../../access/require-family-permission';
import { changeVersioned } from '../../http/versioned-change';
import { notFound } from '../../core/app-error';
import type { RouteContext } from '../../http/route';
import { presentGoal } from './goal.presenter';
import { findGoal, insertGoal, insertGoalProgress, listGoalProgress, updateGoalAt, type GoalRow } from './goals.repository';

type FamilyContext = RouteContext<{ kind: 'family' }>;

/** A goal the caller may see: in this family, and goals shared with their service. */
async function findVisibleGoal(familyId: string, goalId: string, context: FamilyContext): Promise<GoalRow> {
  const goal = await findGoal(familyId, goalId, context.tx);
  if (!goal) throw notFound('goal');
  if (!visiblePlanParts(context.actor, context.family.relation).has('goals'))
    throw refuseUnseen(context, { resource: 'goal', resourceId: goalId });
  return goal;
}

async function presentWithProgress(familyId: string, goal: GoalRow, context: FamilyContext): Promise<Goal> {
  return presentGoal(goal, await listGoalProgress(familyId, [goal.id], context.tx));
}

/** The family (or the coordinator with them) writes a goal in the family's own words. */
export async function createGoal(familyId: string, body: CreateGoal, context: FamilyContext): Promise<Goal> {
  const basis = requireFamilyPermission(context, 'goal:create', {
    resource: 'goal',
    resourceId: familyId,
    forbiddenDetail: 'Goals are written by the family and the coordinator.',
  });
  const goal = await insertGoal(familyId, body, context.tx);
  await context.audit({ familyId, action: 'create', resource: 'goal', resourceId: goal.id, outcome: 'allowed', basis });
  await context.recordFamilyEvent({ type: 'goal.created', familyId, id: goal.id, version: goal.version });
  return presentGoal(goal, []);
}

/** The coordinator rewords a goal or marks it achieved or dropped. */
export async function updateGoal({ familyId, goalId }: GoalParams, { version, ...change }: UpdateGoal, context: FamilyContext) {
  const goal = await findVisibleGoal(familyId, goalId, context);
  const basis = requireFamilyPermission(context, 'goal:update', {
    resource: 'goal',
    resourceId: goalId,
    forbiddenDetail: 'Only the coordinator changes a goal; you can record progress on it.',
  });
  const updated = await changeVersioned(context, {
    familyId,
    resource: 'goal',
    resourceId: goalId,
    versionNow: goal.version,
    basedOn: version,
    update: () => updateGoalAt(familyId, goalId, { ...change, basedOnVersion: version }, context.tx),
    current: async () => presentWithProgress(familyId, (await findGoal(familyId, goalId, context.tx)) ?? goal, context),
    basis,
    detail: () => ({ fields: Object.keys(change) }),
    event: 'goal.updated',
  });
  return presentWithProgress(familyId, updated, context);
}

/** A dated entry of how the goal is going: by the family, the coordinator, or a service the goals are shared with. */
export async function recordGoalProgress(
  { familyId, goalId }: GoalParams,
  body: CreateGoalProgress,
  context: FamilyContext,
): Promise<Goal> {
  const goal = await findVisibleGoal(familyId, goalId, context);
  const basis = requireFamilyPermission(context, 'goal-progress:create', { resource: 'goal-progress', resourceId: goalId });
  const entry = await insertGoalProgress(familyId, goalId, { ...body, recordedBy: context.actor.accountId }, context.tx);
  await context.audit({ familyId, action: 'create', resource: 'goal-progress', resourceId: entry.id, outcome: 'allowed', basis });
  await context.recordFamilyEvent({ type: 'goalProgress.created', familyId, id: entry.id, version: 1 });
  return presentWithProgress(familyId, goal, context);
}
