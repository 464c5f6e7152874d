import type { CreateGoal, CreateGoalProgress, EndGoal, Goal, GoalParams, ReopenGoal, UpdateGoal } from '@yhdessa/shared';
import { visiblePlanParts } from '../../access/family-policy';
import { refuseUnseen, requireFamilyPermission } from '../../access/require-family-permission';
import { changeVersioned } from '../../http/versioned-change';
import { invalidField, notFound } from '../../core/app-error';
import { municipalityDate } from '../../core/clock';
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

/** A target date is set ahead: one already past would be missed the day it was written down. */
function requireTargetAhead(targetOn: string | null | undefined) {
  if (targetOn && targetOn < municipalityDate()) throw invalidField('body.targetOn', 'A target date is today or later.');
}

/** The family (or the coordinator with them) writes a goal in the family's own words. */
export async function createGoal(familyId: string, body: CreateGoal, context: FamilyContext): Promise<Goal> {
  const basis = requireFamilyPermission(context, 'goal:create', {
    resource: 'goal',
    resourceId: familyId,
    forbiddenDetail: 'Goals are written by the family and the coordinator.',
  });
  requireTargetAhead(body.targetOn);
  const goal = await insertGoal(familyId, body, context.tx);
  await context.audit({ familyId, action: 'create', resource: 'goal', resourceId: goal.id, outcome: 'allowed', basis });
  await context.recordFamilyEvent({ type: 'goal.created', familyId, id: goal.id, version: goal.version });
  return presentGoal(goal, []);
}

const onlyTheCoordinator = 'Only the coordinator changes a goal; you can record progress on it.';

/** A change to a goal by the coordinator, on the version the client saw; the goal as it is now on a 409. */
async function changeGoal(
  { familyId, goalId }: GoalParams,
  basedOn: number,
  change: {
    update: (goal: GoalRow) => Promise<GoalRow | null>;
    /** What the audit row says changed, from the goal before to the goal after. */
    detail: (before: GoalRow, after: GoalRow) => Record<string, unknown>;
  },
  context: FamilyContext,
): Promise<Goal> {
  const goal = await findVisibleGoal(familyId, goalId, context);
  const basis = requireFamilyPermission(context, 'goal:update', {
    resource: 'goal',
    resourceId: goalId,
    forbiddenDetail: onlyTheCoordinator,
  });
  const updated = await changeVersioned(context, {
    familyId,
    resource: 'goal',
    resourceId: goalId,
    versionNow: goal.version,
    basedOn,
    update: () => change.update(goal),
    current: async () => presentWithProgress(familyId, (await findGoal(familyId, goalId, context.tx)) ?? goal, context),
    basis,
    detail: (updated) => change.detail(goal, updated),
    event: 'goal.updated',
  });
  return presentWithProgress(familyId, updated, context);
}

/** The coordinator rewords a goal; its attainment levels change only while it is open. */
export function updateGoal(params: GoalParams, { version, ...change }: UpdateGoal, context: FamilyContext) {
  return changeGoal(
    params,
    version,
    {
      update: (goal) => {
        if (change.targetOn !== undefined && change.targetOn !== goal.targetOn) requireTargetAhead(change.targetOn);
        if (change.attainmentScale !== undefined && goal.status !== 'open')
          throw invalidField('body.attainmentScale', 'The levels of an ended goal stay as they were; reopen it to change them.');
        return updateGoalAt(params.familyId, params.goalId, { ...change, basedOnVersion: version }, context.tx);
      },
      detail: () => ({ fields: Object.keys(change) }),
    },
    context,
  );
}

/**
 * The coordinator ends a goal: reached, partly reached, not reached or dropped, on a day from the
 * one it was made to today; a goal with attainment levels that was not dropped records the level
 * it attained. An ended goal may be ended again, to correct how or when.
 */
export function endGoal(params: GoalParams, { version, ending, endedOn, attainedLevel }: EndGoal, context: FamilyContext) {
  return changeGoal(
    params,
    version,
    {
      update: (goal) => {
        const today = municipalityDate();
        const day = endedOn ?? today;
        if (day > today) throw invalidField('body.endedOn', 'A goal cannot end in the future.');
        if (day < municipalityDate(goal.createdAt)) throw invalidField('body.endedOn', 'A goal cannot end before it was made.');
        const scaled = goal.attainmentScale !== null && ending !== 'dropped';
        if (scaled && attainedLevel === null)
          throw invalidField('body.attainedLevel', 'Choose the level the goal attained, from -2 to +2.');
        if (!scaled && attainedLevel !== null)
          throw invalidField('body.attainedLevel', 'Only a goal with attainment levels that was not dropped attains a level.');
        return updateGoalAt(
          params.familyId,
          params.goalId,
          { status: ending, endedOn: day, attainedLevel, basedOnVersion: version },
          context.tx,
        );
      },
      detail: (before, after) => ({
        status: { from: before.status, to: after.status },
        endedOn: after.endedOn,
        attainedLevel: after.attainedLevel,
      }),
    },
    context,
  );
}

/** The coordinator opens an ended goal again: how and when it ended, and the level it attained, are cleared. */
export function reopenGoal(params: GoalParams, { version }: ReopenGoal, context: FamilyContext) {
  return changeGoal(
    params,
    version,
    {
      update: (goal) => {
        if (goal.status === 'open') throw invalidField('body', 'The goal is open already.');
        return updateGoalAt(
          params.familyId,
          params.goalId,
          { status: 'open', endedOn: null, attainedLevel: null, basedOnVersion: version },
          context.tx,
        );
      },
      detail: (before) => ({ status: { from: before.status, to: 'open' } }),
    },
    context,
  );
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
