import {
  WORKSPACE_FIRST_ACTIONS,
  type CoordinatorWorkspace,
  type WorkerWorkspace,
  type Workspace,
  type WorkspaceAction,
  type WorkspaceActionPage,
  type WorkspaceActionsQuery,
  type WorkspaceQuery,
} from '@yhdessa/shared';
import { presentAction } from '../actions';
import { readRecentChangesOfCoordinator } from '../activity';
import type { AuditEntry } from '../../audit/audit.repository';
import { REVIEW_DUE_DAYS } from '../families';
import { reminderDueAt } from '../service-roles';
import { notFound } from '../../core/app-error';
import { cursorLeadsNowhere, decodeCursor, pageOf } from '../../http/cursor';
import type { RouteContext } from '../../http/route';
import {
  listDueActionsOfWorker,
  listHandoversTo,
  listOverdueActionsOfCoordinator,
  listUnansweredInvitationsOfCoordinator,
  listUpcomingReviewsOfCoordinator,
  type WorkspaceActionRow,
} from './workspace.repository';

type WorkspaceContext = RouteContext<{ kind: 'signed-in'; roles: readonly ('coordinator' | 'worker')[] }>;

const DAY_MS = 86_400_000;
/** A worker's actions due this many days ahead are theirs to see to now; as far as a review is due. */
const AHEAD_DAYS = REVIEW_DUE_DAYS;

/**
 * What needs the caller now, across the families they work with: one screen each morning. Their
 * families themselves are listed, sorted by what needs them, by `GET /api/families`.
 */
export async function readWorkspace(query: WorkspaceQuery, context: WorkspaceContext): Promise<Workspace> {
  if (context.actor.role === 'coordinator') return readCoordinatorWorkspace(query, context);
  if (context.actor.role === 'worker') return readWorkerWorkspace(context);
  throw notFound('route');
}

async function readCoordinatorWorkspace(query: WorkspaceQuery, context: WorkspaceContext): Promise<CoordinatorWorkspace> {
  const { tx, actor } = context;
  const since = query.since ? new Date(query.since) : new Date(Date.now() - DAY_MS);
  const overdue = await readActionPage(context, { limit: WORKSPACE_FIRST_ACTIONS });
  const invitations = await listUnansweredInvitationsOfCoordinator(actor.accountId, tx);
  const reviews = await listUpcomingReviewsOfCoordinator(actor.accountId, AHEAD_DAYS, tx);
  const recentChanges = await readRecentChangesOfCoordinator(actor, since, tx);
  const handovers = await listHandoversTo(actor.accountId, tx);

  await auditReads(context, [
    ...overdue.actions.map((row) => row.family.id),
    ...invitations.map((row) => row.familyId),
    ...reviews.map((row) => row.familyId),
    ...recentChanges.families.map(({ family }) => family.id),
  ]);
  for (const handover of handovers) await context.audit(readEntry(handover.familyId, 'handover', 'handover-target'));

  const now = Date.now();
  return {
    role: 'coordinator',
    overdueActions: overdue,
    unansweredInvitations: invitations.map((row) => ({
      family: { id: row.familyId, name: row.familyName },
      serviceRoleId: row.serviceRoleId,
      service: { id: row.serviceId, name: row.serviceName },
      invitedAt: row.invitedAt.toISOString(),
      ageDays: Math.floor((now - row.invitedAt.getTime()) / DAY_MS),
      reminderDueAt: reminderDueAt(row.invitedAt).toISOString(),
      reminder: row.reminderSentAt ? { sentAt: row.reminderSentAt.toISOString(), recipients: row.reminderRecipients ?? 0 } : null,
    })),
    upcomingReviews: reviews.map((row) => ({
      family: { id: row.familyId, name: row.familyName },
      reviewId: row.reviewId,
      scheduledOn: row.scheduledOn,
    })),
    recentChanges,
    handoversToMe: handovers.map((row) => ({
      family: { id: row.familyId, name: row.familyName },
      from: { id: row.fromId, name: row.fromName },
      requestedAt: (row.requestedAt ?? new Date(0)).toISOString(),
    })),
  };
}

async function readWorkerWorkspace(context: WorkspaceContext): Promise<WorkerWorkspace> {
  const due = await readActionPage(context, { limit: WORKSPACE_FIRST_ACTIONS });
  await auditReads(
    context,
    due.actions.map((row) => row.family.id),
  );
  return { role: 'worker', dueActions: due };
}

/**
 * The next page of the actions that need the caller: the coordinator's overdue ones, the worker's
 * due within two weeks or overdue. Audited like the workspace, one line per family on the page.
 */
export async function readWorkspaceActions(
  query: WorkspaceActionsQuery,
  context: WorkspaceContext,
): Promise<WorkspaceActionPage> {
  if (context.actor.role !== 'coordinator' && context.actor.role !== 'worker') throw notFound('route');
  const page = await readActionPage(context, query);
  await auditReads(
    context,
    page.actions.map((row) => row.family.id),
  );
  return page;
}

async function readActionPage(
  context: WorkspaceContext,
  query: { cursor?: string; limit: number },
): Promise<WorkspaceActionPage> {
  const { actor, tx } = context;
  const order = `workspace-actions:${actor.role}`;
  const page = { after: query.cursor ? decodeCursor(query.cursor, order) : undefined, limit: query.limit };
  const rows =
    actor.role === 'coordinator'
      ? await listOverdueActionsOfCoordinator(actor.accountId, page, tx)
      : await listDueActionsOfWorker(actor.accountId, AHEAD_DAYS, page, tx);
  if (!rows.anchorFound) throw cursorLeadsNowhere();
  const { items, nextCursor } = pageOf(
    rows.rows.map((row) => ({ id: row.action.id, row })),
    query.limit,
    order,
  );
  return { actions: items.map(({ row }) => presentWorkspaceAction(row)), nextCursor, count: rows.count };
}

function presentWorkspaceAction(row: WorkspaceActionRow): WorkspaceAction {
  return {
    family: { id: row.action.familyId, name: row.familyName },
    action: presentAction(row.action),
    service: row.serviceId && row.serviceName ? { id: row.serviceId, name: row.serviceName } : null,
  };
}

const readEntry = (familyId: string, resource: string, basis: string): Omit<AuditEntry, 'actor'> => ({
  familyId,
  action: 'read',
  resource,
  resourceId: familyId,
  outcome: 'allowed',
  basis,
});

/** One audit line per family whose data the workspace shows. */
async function auditReads(context: WorkspaceContext, familyIds: string[]): Promise<void> {
  for (const familyId of new Set(familyIds)) await context.audit(readEntry(familyId, 'workspace', context.actor.role));
}
