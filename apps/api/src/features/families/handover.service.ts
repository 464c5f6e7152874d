import type { AnswerHandover, Handover, HandoverCandidates, RequestHandover } from '@yhdessa/shared';
import type { FamilyPermission } from '../../access/family-policy';
import { requireFamilyPermission } from '../../access/require-family-permission';
import { AppError, notFound } from '../../core/app-error';
import type { RouteContext } from '../../http/route';
import { changeVersioned } from '../../http/versioned-change';
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
  const { family, basis } = await beginHandoverChange(familyId, 'handover:request', context);
  return changeHandover(
    family,
    request.version,
    'handover.requested',
    basis,
    { to: request.toCoordinatorId },
    context,
    async () => {
      if (request.toCoordinatorId === actor.accountId || !(await isActiveCoordinator(request.toCoordinatorId, tx)))
        throw new AppError('validation_failed', 'Hand the case over to another coordinator.', {
          errors: [{ path: 'body.toCoordinatorId', message: 'Not another coordinator' }],
        });
      return updateFamilyAt(
        familyId,
        family.version,
        { handoverToId: request.toCoordinatorId, handoverRequestedAt: new Date() },
        tx,
      );
    },
  );
}

export async function acceptHandover(familyId: string, answer: AnswerHandover, context: FamilyContext): Promise<Handover> {
  const { tx, actor } = context;
  const { family, basis } = await beginHandoverChange(familyId, 'handover:accept', context);
  // The previous coordinator's access ends here; their open sockets are re-checked after commit.
  return changeHandover(
    family,
    answer.version,
    'handover.accepted',
    basis,
    { from: family.coordinatorId, to: actor.accountId },
    context,
    () =>
      updateFamilyAt(
        familyId,
        family.version,
        { coordinatorId: actor.accountId, handoverToId: null, handoverRequestedAt: null },
        tx,
      ),
  );
}

/** The named coordinator declines, or the current one withdraws the request. */
export async function declineHandover(familyId: string, answer: AnswerHandover, context: FamilyContext): Promise<Handover> {
  const { family, basis } = await beginHandoverChange(familyId, 'handover:decline', context);
  return changeHandover(family, answer.version, 'handover.declined', basis, { to: family.handoverToId }, context, async () => {
    if (!family.handoverToId) throw notFound('pending handover');
    return updateFamilyAt(familyId, family.version, { handoverToId: null, handoverRequestedAt: null }, context.tx);
  });
}

async function requireFamily(familyId: string, context: FamilyContext): Promise<FamilyRow> {
  const family = await findFamily(familyId, context.tx);
  if (!family) throw notFound('family');
  return family;
}

async function beginHandoverChange(familyId: string, permission: FamilyPermission, context: FamilyContext) {
  const basis = requireFamilyPermission(context, permission, {
    resource: 'handover',
    resourceId: familyId,
    forbiddenDetail:
      permission === 'handover:accept'
        ? 'Only the coordinator the case is handed to can accept it.'
        : 'Only the coordinator of the case can hand it over.',
  });
  return { family: await requireFamily(familyId, context), basis };
}

async function changeHandover(
  before: FamilyRow,
  basedOn: number,
  type: 'handover.requested' | 'handover.accepted' | 'handover.declined',
  basis: string,
  detail: Record<string, unknown>,
  context: FamilyContext,
  update: () => Promise<FamilyRow | null>,
): Promise<Handover> {
  const updated = await changeVersioned(context, {
    familyId: before.id,
    resource: 'handover',
    resourceId: before.id,
    versionNow: before.version,
    basedOn,
    update,
    current: async () => {
      const current = (await findFamily(before.id, context.tx)) ?? before;
      return presentHandover(current, await findCoordinatorNames(current, context.tx));
    },
    conflictDetail: 'The case changed after you loaded it. Check the handover and try again.',
    basis,
    detail: () => ({ change: type, ...detail }),
    event: type,
  });
  return presentHandover(updated, await findCoordinatorNames(updated, context.tx));
}
