import type { Action, ActionParams, CreateAction, ServiceRoleStatus, UpdateAction } from '@yhdessa/shared';
import { visiblePlanParts } from '../../access/family-policy';
import { requireFamilyPermission } from '../../access/require-family-permission';
import { recordVersionedChange, versionConflict } from '../../http/versioned-change';
import { findGoal } from '../goals';
import { AppError, invalidField, notFound } from '../../core/app-error';
import { municipalityDate } from '../../core/clock';
import type { RouteContext } from '../../http/route';
import { findServiceRole } from '../service-roles';
import { presentAction } from './action.presenter';
import { changeActionAt, findAction, insertAction, type ActionRow } from './actions.repository';

type FamilyContext = RouteContext<{ kind: 'family' }>;

const forbiddenDetail = "You can change only your own service's actions.";

/**
 * A goal an action may point to: in this family, and one the caller can see. Only who sees the
 * goals changes the link at all, so a service the goals are not shared with cannot unlink one either.
 */
async function requireVisibleGoal(familyId: string, goalId: string | null, context: FamilyContext): Promise<void> {
  if (
    !visiblePlanParts(context.actor, context.family.relation).has('goals') ||
    (goalId && !(await findGoal(familyId, goalId, context.tx)))
  )
    throw noSuchGoal();
}

const noSuchGoal = () => invalidField('body.goalId', 'No such goal in this plan.');

/** A due date is set ahead: one already past would be overdue the moment it was written down. */
function requireDueAhead(dueOn: string | null) {
  if (dueOn && dueOn < municipalityDate()) throw invalidField('body.dueOn', 'A due date is today or later.');
}

/** Only a role its service has accepted (and not ended) takes new actions. */
export const takesActions = (role: { status: ServiceRoleStatus }) => role.status === 'accepted';

/** A service adds an action to its own role; the family to its own actions; the coordinator anywhere. */
export async function createAction(familyId: string, body: CreateAction, context: FamilyContext): Promise<Action> {
  const { tx, actor } = context;
  if (body.serviceRoleId) {
    const role = await findServiceRole(familyId, body.serviceRoleId, tx);
    if (!role || !takesActions(role))
      throw new AppError('validation_failed', 'Actions belong to a service role that is active in this plan.', {
        errors: [{ path: 'body.serviceRoleId', message: 'No active service role with this id in this plan' }],
      });
  }
  const basis = requireFamilyPermission(context, 'action:create', {
    resource: 'action',
    resourceId: body.serviceRoleId ?? familyId,
    target: { serviceRoleId: body.serviceRoleId },
    forbiddenDetail: "You can add actions only to your own service's role.",
  });
  if (body.goalId) await requireVisibleGoal(familyId, body.goalId, context);
  requireDueAhead(body.dueOn);
  const row = await insertAction(familyId, { ...body, updatedBy: actor.accountId }, tx);
  await context.audit({ familyId, action: 'create', resource: 'action', resourceId: row.id, outcome: 'allowed', basis });
  await context.recordFamilyEvent(
    { type: 'action.created', familyId, id: row.id, version: row.version },
    { serviceRoleId: row.serviceRoleId },
  );
  return presentAction(row);
}

/**
 * A service changes its own action; the coordinator any; the family its own: its words, owner, due
 * date and goal as well as its status. A changed due date is today or later; one left as it was may
 * have passed.
 *
 * The change is made first, in the statement that reads the action as it was (`changeActionAt`),
 * and decided on after: a refusal throws, which undoes it with the request's transaction (or its
 * group's, see `WriteCommitQueue`) before anything is seen. Only a change not at the action's version
 * reads it again, to tell "no such action", a refusal and a conflict apart.
 */
export async function updateAction(
  { familyId, actionId }: ActionParams,
  { version, ...change }: UpdateAction,
  context: FamilyContext,
): Promise<Action> {
  const { tx, actor } = context;
  const changed = await changeActionAt(
    familyId,
    actionId,
    { ...change, basedOnVersion: version, updatedBy: actor.accountId },
    tx,
  );
  const subject = (target: ActionRow) => ({ resource: 'action', resourceId: actionId, target, forbiddenDetail });
  if (!changed) {
    const action = await findAction(familyId, actionId, tx);
    if (!action) throw notFound('action');
    requireFamilyPermission(context, 'action:update', subject(action));
    throw versionConflict('action', presentAction(action));
  }
  const { before, after } = changed;
  // The service role an action belongs to never changes, so the action now tells whose it is.
  const basis = requireFamilyPermission(context, 'action:update', subject(after));
  if (change.goalId !== undefined && change.goalId !== before.goalId) {
    if (after.goalId !== change.goalId) throw noSuchGoal();
    await requireVisibleGoal(familyId, change.goalId, context);
  }
  if (change.dueOn !== undefined && change.dueOn !== before.dueOn) requireDueAhead(change.dueOn);
  await recordVersionedChange(
    context,
    {
      familyId,
      resource: 'action',
      resourceId: actionId,
      basis,
      detail: (updated) => changedFields(before, updated),
      event: { type: 'action.updated', subject: (updated) => ({ serviceRoleId: updated.serviceRoleId }) },
    },
    after,
  );
  return presentAction(after);
}

const auditedFields = ['title', 'ownerName', 'dueOn', 'goalId', 'status'] as const;

function changedFields<T extends Record<(typeof auditedFields)[number], unknown>>(before: T, after: T) {
  return Object.fromEntries(
    auditedFields
      .filter((field) => before[field] !== after[field])
      .map((field) => [field, { from: before[field], to: after[field] }]),
  );
}
