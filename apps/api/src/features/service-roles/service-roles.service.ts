import type {
  AcceptInvitation,
  DeclineInvitation,
  DeclinedInvitationList,
  FamilyParams,
  EndServiceRole,
  InviteService,
  ServiceInvitationList,
  ServiceRoleParams,
  ServiceRoleSummary,
  ServiceRoleWorkers,
  Role,
  UpdateServiceRole,
} from '@yhdessa/shared';
import { authorizeFamily } from '../../access/family-policy';
import { requireFamilyPermission } from '../../access/require-family-permission';
import { changeVersioned } from '../../http/versioned-change';
import { municipalityToday } from '../../core/clock';

import { AppError, notFound } from '../../core/app-error';
import type { RouteContext } from '../../http/route';
import type { EventSubject } from '../../core/event-subject';
import type { MailSettings } from '../../mail/mailer';
import { serviceInvitedMail } from './service-invitation-mail';
import { presentDeclinedInvitation, presentInvitation, presentServiceRoleSummary } from './service-role.presenter';
import {
  endServiceRoleAt,
  findAccountName,
  findDeclinedInvitations,
  findReplacementOf,
  findInvitationSummary,
  findOpenRoleOfService,
  findServiceInvitationRecipients,
  findServiceRole,
  findWorkerOfService,
  insertInvitedServiceRole,
  listOpenInvitationsAcrossFamiliesForWorker,
  listWorkersOfService,
  findServiceState,
  updateServiceRoleAt,
  type ServiceRoleRow,
} from './service-roles.repository';

type FamilyContext = RouteContext<{ kind: 'family' }>;

/** Who hears of a change to a role follows whether the family keeps the role from other services. */
const roleSubject = (role: Pick<ServiceRoleRow, 'id'>): EventSubject => ({ serviceRoleId: role.id });

async function requireRole(familyId: string, serviceRoleId: string, context: FamilyContext): Promise<ServiceRoleRow> {
  const role = await findServiceRole(familyId, serviceRoleId, context.tx);
  if (!role) throw notFound('service role');
  return role;
}

/** The role as it is now, for a 409. */
async function currentRole(role: ServiceRoleRow, context: FamilyContext): Promise<ServiceRoleSummary> {
  const current = (await findServiceRole(role.familyId, role.id, context.tx)) ?? role;
  return presentServiceRoleSummary(current, await findAccountName(current.responsibleAccountId, context.tx));
}

/** The responsible worker must belong to the role's service. */
async function requireWorkerOfService(serviceId: string, accountId: string, context: FamilyContext) {
  const worker = await findWorkerOfService(serviceId, accountId, context.tx);
  if (!worker)
    throw new AppError('validation_failed', 'The responsible worker must be a worker of this service.', {
      errors: [{ path: 'body.responsibleAccountId', message: 'Not a worker of this service' }],
    });
  return worker;
}

/**
 * The coordinator invites a service from the catalogue, with a message for it if they wish; its
 * workers see the invitation and answer it, and hear of it by mail (or the service's contact
 * address, when it has no workers yet). Sent in place of a declined invitation, it is linked to it.
 */
export async function inviteService(
  familyId: string,
  { serviceId, message, replacesServiceRoleId }: InviteService,
  context: FamilyContext,
  settings: MailSettings,
) {
  const basis = requireFamilyPermission(context, 'service-role:invite', {
    resource: 'service-role',
    resourceId: serviceId,
    forbiddenDetail: 'Only the coordinator invites services into the plan.',
  });
  const service = await findServiceState(serviceId, context.tx);
  if (!service) throw notFound('service');
  if (service.retired) throw new AppError('service_retired', 'The service is retired: it takes no new families.');
  const open = await findOpenRoleOfService(familyId, serviceId, context.tx);
  if (open)
    throw new AppError('service_already_in_plan', `The service is already in the plan (${open.status}).`, {
      current: presentServiceRoleSummary(open),
    });
  if (replacesServiceRoleId) await requireDeclinedWithoutReplacement(familyId, replacesServiceRoleId, context);
  const role = await insertInvitedServiceRole(
    familyId,
    {
      serviceId,
      invitedBy: context.actor.accountId,
      message: message || null,
      replacesServiceRoleId: replacesServiceRoleId ?? null,
    },
    context.tx,
  );
  const recipients = await findServiceInvitationRecipients(serviceId, context.tx);
  for (const to of recipients)
    await settings.mailer.queue(context, serviceInvitedMail(to, settings.config.PUBLIC_URL, { hasMessage: Boolean(message) }));
  await context.audit({
    familyId,
    action: 'create',
    resource: 'service-role',
    resourceId: role.id,
    outcome: 'allowed',
    basis,
    detail: { mailedTo: recipients.length, withMessage: Boolean(message), replaces: replacesServiceRoleId ?? null },
  });
  await context.recordFamilyEvent(
    { type: 'serviceRole.invited', familyId, id: role.id, version: role.version },
    roleSubject(role),
  );
  return presentServiceRoleSummary(role);
}

/** A new invitation follows up a declined one of this family, once. */
async function requireDeclinedWithoutReplacement(familyId: string, serviceRoleId: string, context: FamilyContext) {
  const declined = await findServiceRole(familyId, serviceRoleId, context.tx);
  const problem =
    declined?.status !== 'declined'
      ? 'Not a declined invitation of this family'
      : (await findReplacementOf(familyId, serviceRoleId, context.tx))
        ? 'Another service has already been invited in its place'
        : null;
  if (problem)
    throw new AppError('validation_failed', 'The invitation can follow up only a declined invitation, once.', {
      errors: [{ path: 'body.replacesServiceRoleId', message: problem }],
    });
}

/** The minimal summary an invited service may read before it answers. */
export async function readInvitation({ familyId, serviceRoleId }: ServiceRoleParams, context: FamilyContext) {
  const basis = requireFamilyPermission(context, 'invitation:read', {
    resource: 'service-role',
    resourceId: serviceRoleId,
    target: { serviceRoleId },
    hideWhenForbidden: true,
  });
  const summary = await findInvitationSummary(familyId, serviceRoleId, context.tx);
  if (!summary) throw notFound('service role');
  await context.audit({
    familyId,
    action: 'read',
    resource: 'service-role',
    resourceId: serviceRoleId,
    outcome: 'allowed',
    basis,
  });
  return presentInvitation(summary);
}

/** Every open invitation of the worker's services, across families: only names, nothing of the plans. */
export async function listMyInvitations(
  context: RouteContext<{ kind: 'signed-in'; roles: readonly Role[] }>,
): Promise<ServiceInvitationList> {
  const rows = await listOpenInvitationsAcrossFamiliesForWorker(context.actor.accountId, context.tx);
  for (const row of rows)
    await context.audit({
      familyId: row.familyId,
      action: 'read',
      resource: 'service-role',
      resourceId: row.serviceRoleId,
      outcome: 'allowed',
      basis: 'invited-service',
    });
  return { invitations: rows.map(presentInvitation) };
}

/** Checks that the caller's service may answer this invitation, and that it is still open. */
async function requireOpenInvitation(familyId: string, serviceRoleId: string, context: FamilyContext) {
  const role = await requireRole(familyId, serviceRoleId, context);
  requireFamilyPermission(context, 'invitation:read', {
    resource: 'service-role',
    resourceId: serviceRoleId,
    target: { serviceRoleId },
    hideWhenForbidden: true,
  });
  if (role.status !== 'invited')
    throw new AppError('invitation_answered', `The invitation has already been answered (${role.status}).`, {
      current: presentServiceRoleSummary(role),
    });
  const basis = requireFamilyPermission(context, 'invitation:answer', {
    resource: 'service-role',
    resourceId: serviceRoleId,
    target: { serviceRoleId },
    forbiddenDetail: 'Only the invited service answers its invitation.',
  });
  return { role, basis };
}

/** The invited service accepts and names who is responsible; its workers then reach the plan. */
export async function acceptInvitation(
  { familyId, serviceRoleId }: ServiceRoleParams,
  answer: AcceptInvitation,
  context: FamilyContext,
): Promise<ServiceRoleSummary> {
  const { role, basis } = await requireOpenInvitation(familyId, serviceRoleId, context);
  const accepted = await changeVersioned(context, {
    familyId,
    resource: 'service-role',
    resourceId: serviceRoleId,
    versionNow: role.version,
    basedOn: answer.version,
    async update() {
      const responsible = await requireWorkerOfService(role.serviceId, answer.responsibleAccountId, context);
      return updateServiceRoleAt(
        familyId,
        serviceRoleId,
        {
          status: 'accepted',
          responsibleAccountId: responsible.id,
          description: answer.description ?? role.description,
          startsOn: answer.startsOn ?? municipalityToday,
          respondedAt: new Date(),
          respondedBy: context.actor.accountId,
        },
        answer.version,
        context.tx,
      );
    },
    current: () => currentRole(role, context),
    basis,
    detail: () => ({ status: { from: 'invited', to: 'accepted' } }),
    event: { type: 'serviceRole.accepted', subject: (updated: ServiceRoleRow) => roleSubject(updated) },
  });
  return presentServiceRoleSummary(accepted, await findAccountName(accepted.responsibleAccountId, context.tx));
}

/** The invited service declines with a reason; the coordinator sees it, and the service has no access. */
export async function declineInvitation(
  { familyId, serviceRoleId }: ServiceRoleParams,
  answer: DeclineInvitation,
  context: FamilyContext,
): Promise<ServiceRoleSummary> {
  const { role, basis } = await requireOpenInvitation(familyId, serviceRoleId, context);
  const declined = await changeVersioned(context, {
    familyId,
    resource: 'service-role',
    resourceId: serviceRoleId,
    versionNow: role.version,
    basedOn: answer.version,
    update: () =>
      updateServiceRoleAt(
        familyId,
        serviceRoleId,
        {
          status: 'declined',
          declineReason: answer.reason,
          respondedAt: new Date(),
          respondedBy: context.actor.accountId,
        },
        answer.version,
        context.tx,
      ),
    current: () => currentRole(role, context),
    basis,
    detail: () => ({ status: { from: 'invited', to: 'declined' } }),
    event: { type: 'serviceRole.declined', subject: (updated: ServiceRoleRow) => roleSubject(updated) },
  });
  return presentServiceRoleSummary(declined);
}

/**
 * The family's declined invitations, which stay on its plan: the coordinator reads who declined,
 * when and why; the family that a service declined; other services are not told.
 */
export async function listDeclinedInvitations(
  { familyId }: FamilyParams,
  context: FamilyContext,
): Promise<DeclinedInvitationList> {
  const basis = requireFamilyPermission(context, 'declined-invitation:read', {
    resource: 'service-role',
    resourceId: familyId,
    hideWhenForbidden: true,
  });
  const rows = await findDeclinedInvitations(familyId, context.tx);
  // The list is read as a whole, an empty one too: one line in the access log.
  await context.audit({ familyId, action: 'read', resource: 'service-role', resourceId: familyId, outcome: 'allowed', basis });
  // Whoever may read an invitation (its coordinator) reads why it was declined, as on the invitation itself.
  const readsDetails = (serviceRoleId: string) =>
    authorizeFamily(context.actor, 'invitation:read', context.family.relation, { serviceRoleId }).allowed;
  return { declinedInvitations: rows.map((row) => presentDeclinedInvitation(row, readsDetails(row.serviceRoleId))) };
}

/** The coordinator, or a worker of the service on its own role, changes what the role is. */
export async function updateServiceRole(
  { familyId, serviceRoleId }: ServiceRoleParams,
  { version, ...change }: UpdateServiceRole,
  context: FamilyContext,
): Promise<ServiceRoleSummary> {
  const role = await requireRole(familyId, serviceRoleId, context);
  const basis = requireFamilyPermission(context, 'service-role:update', {
    resource: 'service-role',
    resourceId: serviceRoleId,
    target: { serviceRoleId },
    forbiddenDetail: "You can change only your own service's role.",
  });
  if ('startsOn' in change || 'endsOn' in change)
    requireFamilyPermission(context, 'service-role-dates:update', {
      resource: 'service-role',
      resourceId: serviceRoleId,
      target: { serviceRoleId },
      forbiddenDetail: "The coordinator sets when a service's role starts and ends.",
    });
  const updated = await changeVersioned(context, {
    familyId,
    resource: 'service-role',
    resourceId: serviceRoleId,
    versionNow: role.version,
    basedOn: version,
    async update() {
      if (change.responsibleAccountId) await requireWorkerOfService(role.serviceId, change.responsibleAccountId, context);
      return updateServiceRoleAt(familyId, serviceRoleId, change, version, context.tx);
    },
    current: () => currentRole(role, context),
    basis,
    detail: () => ({ fields: Object.keys(change) }),
    event: { type: 'serviceRole.updated', subject: (updated: ServiceRoleRow) => roleSubject(updated) },
  });
  return presentServiceRoleSummary(updated, await findAccountName(updated.responsibleAccountId, context.tx));
}

/** Who may be named responsible for the role: the workers of its service. */
export async function listRoleWorkers(
  { familyId, serviceRoleId }: ServiceRoleParams,
  context: FamilyContext,
): Promise<ServiceRoleWorkers> {
  const role = await requireRole(familyId, serviceRoleId, context);
  const basis = requireFamilyPermission(context, 'service-role-workers:read', {
    resource: 'service-role',
    resourceId: serviceRoleId,
    target: { serviceRoleId },
    forbiddenDetail: "You can see the workers only of your own service's role.",
  });
  await context.audit({
    familyId,
    action: 'read',
    resource: 'service-role',
    resourceId: serviceRoleId,
    outcome: 'allowed',
    basis,
  });
  return { workers: await listWorkersOfService(role.serviceId, context.tx) };
}

/** The coordinator ends a service's part in the plan; its workers lose access at once. */
export async function endServiceRole(
  { familyId, serviceRoleId }: ServiceRoleParams,
  change: EndServiceRole,
  context: FamilyContext,
): Promise<ServiceRoleSummary> {
  const role = await requireRole(familyId, serviceRoleId, context);
  const basis = requireFamilyPermission(context, 'service-role:end', {
    resource: 'service-role',
    resourceId: serviceRoleId,
    forbiddenDetail: 'Only the coordinator can end a service role.',
  });
  const ended = await changeVersioned(context, {
    familyId,
    resource: 'service-role',
    resourceId: serviceRoleId,
    versionNow: role.version,
    basedOn: change.version,
    update: () =>
      endServiceRoleAt(
        familyId,
        serviceRoleId,
        { basedOnVersion: change.version, endsOn: change.endsOn ?? municipalityToday },
        context.tx,
      ),
    current: () => currentRole(role, context),
    basis,
    detail: () => ({ status: { from: role.status, to: 'ended' } }),
    event: { type: 'serviceRole.ended', subject: (updated: ServiceRoleRow) => roleSubject(updated) },
  });
  return presentServiceRoleSummary(ended);
}
