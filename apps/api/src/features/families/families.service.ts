import type { CreateFamily, FamilyDetail, UpdateFamily } from '@yhdessa/shared';
import { requireFamilyPermission } from '../../access/require-family-permission';
import { changeVersioned } from '../../http/versioned-change';
import { appendAuditEvent } from '../../audit/audit.repository';
import { AppError, notFound } from '../../core/app-error';
import type { RouteContext } from '../../http/route';
import { openFeedbackRequest } from '../feedback';
import { presentFamilyDetail } from './family.presenter';
import {
  findFamily,
  findFamilyDetail,
  findPossibleDuplicateFamilies,
  insertFamily,
  updateFamilyAt,
  type FamilyRow,
} from './families.repository';

type CoordinatorContext = RouteContext<{ kind: 'signed-in'; roles: readonly 'coordinator'[] }>;
type FamilyContext = RouteContext<{ kind: 'family' }>;

/**
 * A coordinator opens a case and owns it. When a member matches one in another case, the case is
 * not created until the coordinator confirms: the caller learns how many cases match, and the ids
 * only of those they coordinate themselves.
 */
export async function createFamily(body: CreateFamily, context: CoordinatorContext): Promise<FamilyDetail> {
  const { tx, actor } = context;
  const duplicates = await findPossibleDuplicateFamilies(body.members, tx);
  const duplicateRead = (familyId: string) => ({
    actor,
    familyId,
    action: 'read' as const,
    resource: 'duplicate-check',
    resourceId: familyId,
    outcome: 'allowed' as const,
    basis: 'matching member on case creation',
  });
  if (duplicates.length > 0 && !body.confirmDuplicate) {
    // The matching members were read although nothing is created: that read stays in the log.
    for (const duplicate of duplicates)
      context.afterRollback((rollbackTx) => appendAuditEvent(rollbackTx, duplicateRead(duplicate.familyId)));
    throw new AppError(
      'possible_duplicate',
      'A member of this family may already be in another case. Check, then confirm to create anyway.',
      {
        duplicates: {
          count: duplicates.length,
          familyIds: duplicates
            .filter((duplicate) => duplicate.coordinatorId === actor.accountId)
            .map((duplicate) => duplicate.familyId),
        },
      },
    );
  }
  for (const duplicate of duplicates) await appendAuditEvent(tx, duplicateRead(duplicate.familyId));

  const family = await insertFamily({ name: body.name, coordinatorId: actor.accountId, members: body.members }, tx);
  await context.audit({
    familyId: family.id,
    action: 'create',
    resource: 'family',
    resourceId: family.id,
    outcome: 'allowed',
    basis: 'coordinator',
    detail: { members: body.members.length, confirmedDuplicate: duplicates.length > 0 },
  });
  await context.recordFamilyEvent({ type: 'family.created', familyId: family.id, id: family.id, version: family.version });
  return presentFamilyDetail((await findFamilyDetail(family.id, tx))!);
}

export async function readFamily(familyId: string, context: FamilyContext): Promise<FamilyDetail> {
  const basis = requireFamilyPermission(context, 'family:read', { resource: 'family', resourceId: familyId });
  const detail = await findFamilyDetail(familyId, context.tx);
  if (!detail) throw notFound('family');
  await context.audit({ familyId, action: 'read', resource: 'family', resourceId: familyId, outcome: 'allowed', basis });
  return presentFamilyDetail(detail);
}

/**
 * The coordinator renames the case, activates or closes it. A closed case is read-only to
 * everyone; the one change it takes is its coordinator reopening it. Closing asks the family how
 * the work went for it, a question it can answer after the case has closed.
 */
export async function updateFamily(familyId: string, change: UpdateFamily, context: FamilyContext): Promise<FamilyDetail> {
  const { tx } = context;
  const family = await findFamily(familyId, tx);
  if (!family) throw notFound('family');
  const reopening = family.status === 'closed' && change.status === 'active';
  const basis = requireFamilyPermission(context, reopening ? 'family:reopen' : 'family:update', {
    resource: 'family',
    resourceId: familyId,
    forbiddenDetail: 'Only the coordinator can change the case.',
  });
  const closing = change.status === 'closed' && family.status !== 'closed';
  await changeVersioned(context, {
    familyId,
    resource: 'family',
    resourceId: familyId,
    versionNow: family.version,
    basedOn: change.version,
    update: () =>
      updateFamilyAt(
        familyId,
        change.version,
        {
          ...(change.name !== undefined ? { name: change.name } : {}),
          ...(change.status !== undefined ? { status: change.status } : {}),
          // A closed case is handed over no more: a pending request lapses.
          ...(closing ? { handoverToId: null, handoverRequestedAt: null } : {}),
        },
        tx,
      ),
    current: async () => presentFamilyDetail((await findFamilyDetail(familyId, tx))!),
    conflictDetail: 'The case changed after you loaded it. Check the current state and try again.',
    basis,
    detail: (updated: FamilyRow) => ({
      ...(change.status !== undefined ? { status: { from: family.status, to: updated.status } } : {}),
      ...(change.name !== undefined ? { renamed: family.name !== updated.name } : {}),
    }),
    event: 'family.updated',
  });
  if (closing) await openFeedbackRequest(context, familyId, { occasion: 'closing' }, basis);
  return presentFamilyDetail((await findFamilyDetail(familyId, tx))!);
}
