import type { Action, ActionParams, UpdateActionStatus } from '@yhdessa/shared';
import { authorizeFamily } from '../access/family-policy';
import { AppError, notFound } from '../http/app-error';
import type { RouteContext } from '../http/route';
import { presentAction } from './action.presenter';
import { findAction, updateActionStatusAt } from './actions.repository';

const refusalDetail = {
  forbidden: "You can change only your own service's actions.",
  case_closed: 'The case is closed; its plan can no longer be changed.',
} as const;

/** A service marks progress on its own action; the coordinator on any; the family on its own. */
export async function updateActionStatus(
  { familyId, actionId }: ActionParams,
  change: UpdateActionStatus,
  context: RouteContext<{ kind: 'family' }>,
): Promise<Action> {
  const { tx, actor, family } = context;
  const action = await findAction(familyId, actionId, tx);
  if (!action) throw notFound('action');

  const decision = authorizeFamily(actor, 'action:update', family.relation, action);
  if (!decision.allowed) {
    context.auditRefusal({
      familyId,
      action: 'update',
      resource: 'action',
      resourceId: actionId,
      basis: `${decision.basis}: ${decision.reason}`,
    });
    throw decision.reason === 'not_found' ? notFound('action') : new AppError(decision.reason, refusalDetail[decision.reason]);
  }
  if (action.version !== change.version) throw versionConflict(action);

  const updated = await updateActionStatusAt(
    familyId,
    actionId,
    { status: change.status, basedOnVersion: change.version, updatedBy: actor.accountId },
    tx,
  );
  if (!updated) {
    const current = await findAction(familyId, actionId, tx);
    throw versionConflict(current ?? action);
  }
  await context.audit({
    familyId,
    action: 'update',
    resource: 'action',
    resourceId: actionId,
    outcome: 'allowed',
    basis: decision.basis,
    detail: { status: { from: action.status, to: updated.status } },
  });
  await context.recordFamilyEvent({ type: 'action.updated', familyId, id: actionId, version: updated.version });
  return presentAction(updated);
}

function versionConflict(current: Parameters<typeof presentAction>[0]): AppError {
  return new AppError('version_conflict', 'The action changed after you loaded it. Check the current state and try again.', {
    current: presentAction(current),
  });
}
