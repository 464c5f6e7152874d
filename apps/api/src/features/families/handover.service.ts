import type { AnswerHandover, Handover, HandoverCandidates, RequestHandover } from '@yhdessa/shared';
import type { FamilyPermission } from '../../access/family-policy';
import { requireFamilyPermission } from '../../access/require-family-permission';
import { AppError, notFound } from '../../core/app-error';
import type { RouteContext } from '../../http/route';
import { presentHandover } from './family.presenter';
import {
  findCoordinatorNames,
  findFamily,
  isActiveCoordinator,
  listActiveCoordinatorsExcept,
  updateFamilyAt,
  type FamilyRow,
} from './families.repository';

/**
 * Ownership of a case moves only when the new coordinator accepts: until then the old one owns
 * it, and the new one sees nothing of it but this handover.
 */
type FamilyContext = RouteContext<{ kind: 'family' }>;

export async function readHandover(familyId: string, context: FamilyContext): Promise<Handover> {
  const basis = requireFamilyPermission(context, 'handover:read', {
    resource: 'handover',
    resourceId: familyId,
    hideWhenForbidden: true,
  });
  const family = await requireFamily(familyId, context);
  await context.audit({ familyId, action: 'read', resource: 'handover', resourceId: familyId, outcome: 'allowed', basis });
  return presentHandover(family, await findCoordinatorNames(family, context.tx));
}

/** Whom the coordinator may hand the case to: every other coordinator in use. */
export async function listHandoverCandidates(familyId: string, context: FamilyContext): Promise<HandoverCandidates> {
  const basis = requireFamilyPermission(context, 'handover-candidates:read', {
    resource: 'handover',
    resourceId: familyId,
    forbiddenDetail: 'Only the coordinator of the case can hand it over.',
  });
  await requireFamily(familyId, context);
  await context.audit({ familyId, action: 'read', resource: 'handover', resourceId: familyId, outcome: 'allowed', basis });
  return { coordinators: await listActiveCoordinatorsExcept(context.actor.accountId, context.tx) };
}

export async function requestHandover(familyId: string, request: RequestHandover, context: FamilyContext): Promise<Handover> {
  const { tx, actor } = context;
  const { family, basis } = await beginHandoverChange(familyId, 'handover:request', request.version, context);
  if (request.toCoordinatorId === actor.accountId || !(await isActiveCoordinator(request.toCoordinatorId, tx)))
    throw new AppError('validation_failed', 'Hand the case over to another coordinator.', {
      errors: [{ path: 'body.toCoordinatorId', message: 'Not another coordinator' }],
    });
  const updated = await updateFamilyAt(
    familyId,
    family.version,
    { handoverToId: request.toCoordinatorId, handoverRequestedAt: new Date() },
    tx,
  );
  return finishHandoverChange(family, updated, 'handover.requested', basis, { to: request.toCoordinatorId }, context);
}

export async function acceptHandover(familyId: string, answer: AnswerHandover, context: FamilyContext): Promise<Handover> {
  const { tx, actor } = context;
  const { family, basis } = await beginHandoverChange(familyId, 'handover:accept', answer.version, context);
  const updated = await updateFamilyAt(
    familyId,
    family.version,
    { coordinatorId: actor.accountId, handoverToId: null, handoverRequestedAt: null },
    tx,
  );
  // The previous coordinator's access ends here; their open sockets are re-checked after commit.
  return finishHandoverChange(
    family,
    updated,
    'handover.accepted',
    basis,
    { from: family.coordinatorId, to: actor.accountId },
    context,
  );
}

/** The named coordinator declines, or the current one withdraws the request. */
export async function declineHandover(familyId: string, answer: AnswerHandover, context: FamilyContext): Promise<Handover> {
  const { family, basis } = await beginHandoverChange(familyId, 'handover:decline', answer.version, context);
  if (!family.handoverToId) throw notFound('pending handover');
  const updated = await updateFamilyAt(familyId, family.version, { handoverToId: null, handoverRequestedAt: null }, context.tx);
  return finishHandoverChange(family, updated, 'handover.declined', basis, { to: family.handoverToId }, context);
}

async function requireFamily(familyId: string, context: FamilyContext): Promise<FamilyRow> {
  const family = await findFamily(familyId, context.tx);
  if (!family) throw notFound('family');
  return family;
}

async function beginHandoverChange(familyId: string, permission: FamilyPermission, version: number, context: FamilyContext) {
  const basis = requireFamilyPermission(context, permission, {
    resource: 'handover',
    resourceId: familyId,
    forbiddenDetail:
      permission === 'handover:accept'
        ? 'Only the coordinator the case is handed to can accept it.'
        : 'Only the coordinator of the case can hand it over.',
  });
  const family = await requireFamily(familyId, context);
  if (family.version !== version) throw await handoverConflict(family, context);
  return { family, basis };
}

async function finishHandoverChange(
  before: FamilyRow,
  updated: FamilyRow | null,
  type: 'handover.requested' | 'handover.accepted' | 'handover.declined',
  basis: string,
  detail: Record<string, unknown>,
  context: FamilyContext,
): Promise<Handover> {
  if (!updated) throw await handoverConflict((await findFamily(before.id, context.tx)) ?? before, context);
  await context.audit({
    familyId: before.id,
    action: 'update',
    resource: 'handover',
    resourceId: before.id,
    outcome: 'allowed',
    basis,
    detail: { change: type, ...detail },
  });
  await context.recordFamilyEvent({ type, familyId: before.id, id: before.id, version: updated.version });
  return presentHandover(updated, await findCoordinatorNames(updated, context.tx));
}

async function handoverConflict(current: FamilyRow, context: FamilyContext): Promise<AppError> {
  return new AppError('version_conflict', 'The case changed after you loaded it. Check the handover and try again.', {
    current: presentHandover(current, await findCoordinatorNames(current, context.tx)),
  });
}
