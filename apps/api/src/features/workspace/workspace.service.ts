import type { CoordinatorWorkspace, WorkerWorkspace, Workspace, WorkspaceAction, WorkspaceQuery } from '@yhdessa/shared';
import { presentAction } from '../actions';
import { readRecentChangesOfCoordinator } from '../activity';
import type { AuditEntry } from '../../audit/audit.repository';
import { listFamiliesVisibleTo } from '../families';
import { reminderDueAt } from '../service-roles';
import { notFound } from '../../core/app-error';
import type { RouteContext } from '../../http/route';
import {
  listDueActionsOfWorker,
  listHandoversTo,
  listOverdueActionsOfCoordinator,
  listUnansweredInvitationsOfCoordinator,
  listUpcomingReviewsOfCoordinator,
} from './workspace.repository';

type WorkspaceContext = RouteContext<{ kind: 'signed-in'; roles: readonly ('coordinator' | 'worker')[] }>;

const DAY_MS = 86_400_000;
const AHEAD_DAYS = 14;

/** What needs the caller now, across the families they work with: one screen each morning. */
export async function readWorkspace(query: WorkspaceQuery, context: WorkspaceContext): Promise<Workspace> {
  if (context.actor.role === 'coordinator') return readCoordinatorWorkspace(query, context);
  if (context.actor.role === 'worker') return readWorkerWorkspace(query, context);
  throw notFound('route');
}

async function readCoordinatorWorkspace(query: WorkspaceQuery, context: WorkspaceContext): Promise<CoordinatorWorkspace> {
  const { tx, actor } = context;
  const since = query.since ? new Date(query.since) : new Date(Date.now() - DAY_MS);
  const families = await listFamiliesVisibleTo(actor, tx, query);
  const overdue = await listOverdueActionsOfCoordinator(actor.accountId, tx);
  const invitations = await listUnansweredInvitationsOfCoordinator(actor.accountId, tx);
  const reviews = await listUpcomingReviewsOfCoordinator(actor.accountId, AHEAD_DAYS, tx);
  const recentChanges = await readRecentChangesOfCoordinator(actor, since, tx);
  const handovers = await listHandoversTo(actor.accountId, tx);

  await auditReads(context, [
    ...families.map((family) => family.id),
    ...overdue.map((row) => row.action.familyId),
    ...invitations.map((row) => row.familyId),
    ...reviews.map((row) => row.familyId),
    ...recentChanges.families.map(({ family }) => family.id),
  ]);
  for (const handover of handovers) await context.audit(readEntry(handover.familyId, 'handover', 'handover-target'));

  const now = Date.now();
  return {
    role: 'coordinator',
    families,
    overdueActions: overdue.map((row) => presentWorkspaceAction(row)),
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

async function readWorkerWorkspace(query: WorkspaceQuery, context: WorkspaceContext): Promise<WorkerWorkspace> {
  const { tx, actor } = context;
  const families = await listFamiliesVisibleTo(actor, tx, query);
  const due = await listDueActionsOfWorker(actor.accountId, AHEAD_DAYS, tx);
  await auditReads(context, [...families.map((family) => family.id), ...due.map((row) => row.action.familyId)]);
  return { role: 'worker', families, dueActions: due.map((row) => presentWorkspaceAction(row)) };
}

type ActionRow = Awaited<ReturnType<typeof listOverdueActionsOfCoordinator | typeof listDueActionsOfWorker>>[number];

function presentWorkspaceAction(row: ActionRow): WorkspaceAction {
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
