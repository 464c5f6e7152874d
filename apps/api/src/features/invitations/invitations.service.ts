import {
  INVITATION_VALID_HOURS,
  type CreateInvitation,
  type CreatedInvitation,
  type InvitationDetails,
  type InvitationKind,
} from '@yhdessa/shared';
import {
  addServiceMembership,
  findAccountByEmail,
  findAccountById,
  insertAccount,
  setPasswordHash,
  updateAccountEmail,
} from '../accounts';
import { requireStrongPassword } from '../accounts';
import { hashPassword } from '../accounts';
import { finishPasswordReset, mayResetPassword } from '../auth';
import { authorizeFamily } from '../../access/family-policy';
import { administersService, mayInvite } from '../../access/invitation-policy';
import { findFamilyRelation } from '../../access/family-relation.repository';
import { AppError, notFound } from '../../core/app-error';
import type { RouteAccess, RouteContext } from '../../http/route';
import type { Actor } from '../../core/actor';
import type { MailSettings } from '../../mail/mailer';
import { addedToServiceMail, existingLoginMail, invitationMail } from './invitation-mail';
import { invitationLink, invitationTokenHash, newInvitationToken } from './invitation-token';
import {
  expireOpenInvitationsOf,
  findFamilyMember,
  findInvitationByTokenHash,
  findService,
  insertInvitation,
  linkMemberAccount,
  useInvitation,
} from './invitations.repository';

type Context = Pick<RouteContext<RouteAccess>, 'tx' | 'audit' | 'auditRefusal' | 'afterCommit'>;
type CoordinatorContext = Context & { actor: Actor };
type WorkerInvitation = Extract<CreateInvitation, { kind: 'worker' }>;
type MemberInvitation = Extract<CreateInvitation, { kind: 'family-member' }>;

export type InvitationSettings = MailSettings;

function emailProblem(message: string): AppError {
  return new AppError('validation_failed', 'The invitation cannot be sent to this address.', {
    errors: [{ path: 'body.email', message }],
  });
}

/**
 * Who asks for a kind of invitation they may not send gets the answer for a route that is not
 * theirs, and the attempt is audited.
 */
function requireMayInvite(context: CoordinatorContext, kind: CreateInvitation['kind']): void {
  if (mayInvite(context.actor, kind)) return;
  context.auditRefusal({
    familyId: null,
    action: 'create',
    resource: 'invitation',
    resourceId: null,
    basis: `${context.actor.role}: may not invite a ${kind}`,
  });
  throw notFound('route');
}

/**
 * The answer to every invitation, whatever the address: it never tells whether the address has
 * a login already, or of which kind.
 */
function invitationSent(): CreatedInvitation {
  return { expiresAt: new Date(Date.now() + INVITATION_VALID_HOURS * 3_600_000).toISOString() };
}

/**
 * The address has a login already: nothing is linked to it or changed. Its holder is told by
 * mail, so a real invitation of someone who forgot their login still reaches them.
 */
async function tellExistingLogin(
  context: CoordinatorContext,
  settings: InvitationSettings,
  existing: { id: string; email: string },
  familyId: string | null,
): Promise<CreatedInvitation> {
  await settings.mailer.queue(
    context,
    existingLoginMail({ to: existing.email, invitedBy: context.actor.name, signInLink: settings.config.PUBLIC_URL }),
  );
  await context.audit({
    familyId,
    action: 'create',
    resource: 'invitation',
    resourceId: existing.id,
    outcome: 'denied',
    basis: 'the address has a login already; its holder was told by mail',
  });
  return invitationSent();
}

/**
 * An administrator adds a person to a service of their organisation: a new address gets a login
 * by invitation, a worker who was invited before and never signed in gets a new link, and a
 * worker who already signs in is added to the service directly.
 */
export async function inviteWorker(
  body: WorkerInvitation,
  context: CoordinatorContext,
  settings: InvitationSettings,
): Promise<CreatedInvitation> {
  requireMayInvite(context, 'worker');
  const service = await findService(context.tx, body.serviceId);
  if (!service || !administersService(context.actor, service)) throw notFound('service');
  if (service.retiredAt) throw new AppError('service_retired', 'The service is retired: nobody joins it any more.');
  const existing = await findAccountByEmail(context.tx, body.email);
  if (existing && existing.role !== 'worker') return tellExistingLogin(context, settings, existing, null);
  const accountId =
    existing?.id ??
    (await insertAccount(context.tx, {
      email: body.email,
      name: body.name,
      role: 'worker',
      organisationId: service.organisationId,
    }));
  await addServiceMembership(context.tx, accountId, service.id);
  if (existing?.passwordHash) {
    await context.audit({
      familyId: null,
      action: 'update',
      resource: 'service-membership',
      resourceId: accountId,
      outcome: 'allowed',
      basis: 'administrator',
      detail: { serviceId: service.id },
    });
    await settings.mailer.queue(
      context,
      addedToServiceMail({
        to: existing.email,
        name: existing.name,
        service: service.name,
        signInLink: settings.config.PUBLIC_URL,
      }),
    );
    return invitationSent();
  }
  await sendInvitation(context, settings, {
    kind: 'worker',
    accountId,
    email: body.email,
    name: existing?.name ?? body.name,
    familyId: null,
    serviceId: service.id,
    mail: { service: service.name },
  });
  return invitationSent();
}

/** A coordinator invites a member of a family they coordinate: the member gets a family login of their own. */
export async function inviteFamilyMember(
  body: MemberInvitation,
  context: CoordinatorContext,
  settings: InvitationSettings,
): Promise<CreatedInvitation> {
  requireMayInvite(context, 'family-member');
  const { tx, actor } = context;
  const relation = await findFamilyRelation(body.familyId, actor, tx);
  const decision = relation ? authorizeFamily(actor, 'member:invite', relation) : null;
  if (!decision?.allowed) {
    context.auditRefusal({
      familyId: relation ? body.familyId : null,
      action: 'create',
      resource: 'invitation',
      resourceId: body.familyId,
      basis: decision ? `${decision.basis}: ${decision.reason}` : 'no such family',
    });
    if (decision?.reason === 'case_closed') throw new AppError('case_closed', 'The case is closed; no one new can be invited.');
    throw notFound('family');
  }
  const member = await findFamilyMember(tx, body.familyId, body.memberId);
  if (!member) throw notFound('family member');
  const holder = await findAccountByEmail(tx, body.email);
  let accountId: string;
  if (member.accountId) {
    // About the member, whom the coordinator sees in the plan: not about the address.
    const account = await findAccountById(tx, member.accountId);
    if (account?.passwordHash) throw emailProblem('This family member already has a login.');
    if (holder && holder.id !== member.accountId) return tellExistingLogin(context, settings, holder, body.familyId);
    await updateAccountEmail(tx, member.accountId, body.email);
    accountId = member.accountId;
  } else if (holder && (holder.role !== 'family' || holder.passwordHash)) {
    return tellExistingLogin(context, settings, holder, body.familyId);
  } else {
    accountId =
      holder?.id ?? (await insertAccount(tx, { email: body.email, name: member.name, role: 'family', organisationId: null }));
    await linkMemberAccount(tx, body.familyId, member.id, accountId);
  }
  await sendInvitation(context, settings, {
    kind: 'family-member',
    accountId,
    email: body.email,
    name: member.name,
    familyId: body.familyId,
    memberId: member.id,
    mail: {},
  });
  return invitationSent();
}

/** Sends a single-use link that sets the password of the account; an older open link of the account stops working. */
export async function sendInvitation(
  context: CoordinatorContext,
  settings: InvitationSettings,
  invitation: {
    kind: InvitationKind;
    accountId: string;
    email: string;
    name: string;
    familyId: string | null;
    memberId?: string;
    serviceId?: string;
    mail: Pick<Parameters<typeof invitationMail>[0], 'service' | 'as'>;
  },
): Promise<void> {
  const { tx, actor } = context;
  await expireOpenInvitationsOf(tx, invitation.accountId);
  const token = newInvitationToken();
  const row = await insertInvitation(tx, {
    tokenHash: invitationTokenHash(token),
    kind: invitation.kind,
    accountId: invitation.accountId,
    invitedBy: actor.accountId,
    expiresAt: new Date(Date.now() + INVITATION_VALID_HOURS * 3_600_000),
    familyId: invitation.familyId ?? undefined,
    memberId: invitation.memberId,
    serviceId: invitation.serviceId,
  });
  await settings.mailer.queue(
    context,
    invitationMail({
      to: invitation.email,
      name: invitation.name,
      invitedBy: actor.name,
      link: invitationLink(settings.config.PUBLIC_URL, token),
      ...invitation.mail,
    }),
  );
  await context.audit({
    familyId: invitation.familyId,
    action: 'create',
    resource: 'invitation',
    resourceId: row.id,
    outcome: 'allowed',
    basis: actor.role === 'admin' ? 'administrator' : 'coordinator',
    detail: { kind: invitation.kind, accountId: invitation.accountId, serviceId: invitation.serviceId ?? null },
  });
}

type FoundInvitation = NonNullable<Awaited<ReturnType<typeof findInvitationByTokenHash>>>;

function stateOf(invitation: FoundInvitation): InvitationDetails['state'] {
  if (invitation.usedAt) return 'used';
  return invitation.expiresAt.getTime() <= Date.now() ? 'expired' : 'open';
}

async function requireInvitation(context: Context, token: string): Promise<FoundInvitation> {
  const invitation = await findInvitationByTokenHash(context.tx, invitationTokenHash(token));
  if (!invitation) throw notFound('invitation');
  return invitation;
}

/** What the invitation page shows the person who opened the link. */
export async function readInvitation(token: string, context: Context): Promise<InvitationDetails> {
  const invitation = await requireInvitation(context, token);
  await context.audit({
    familyId: invitation.familyId,
    action: 'read',
    resource: 'invitation',
    resourceId: invitation.id,
    outcome: 'allowed',
    basis: 'invitation link',
  });
  return {
    kind: invitation.kind,
    name: invitation.name,
    email: invitation.email,
    invitedBy: invitation.invitedBy,
    state: stateOf(invitation),
    expiresAt: invitation.expiresAt.toISOString(),
  };
}

/** The invitee sets their password; the link works once, and not after it expires. */
export async function acceptInvitation(
  token: string,
  password: string,
  context: Context & Pick<RouteContext<RouteAccess>, 'realtime'>,
): Promise<void> {
  const invitation = await requireInvitation(context, token);
  const refuse = (basis: string) => {
    context.auditRefusal({
      familyId: invitation.familyId,
      action: 'update',
      resource: 'invitation',
      resourceId: invitation.id,
      basis,
    });
    return new AppError('invitation_expired', 'This invitation link has expired or has been used. Ask for a new invitation.');
  };
  const state = stateOf(invitation);
  if (state !== 'open') throw refuse(state);
  requireStrongPassword(password, invitation, 'body.password');
  const reset = invitation.kind === 'password-reset';
  if (reset && !(await mayResetPassword(context.tx, invitation.accountId))) throw refuse('account disabled or demo');
  if (!(await useInvitation(context.tx, invitation.id))) throw refuse('used or expired meanwhile');
  await setPasswordHash(context.tx, invitation.accountId, await hashPassword(password));
  if (reset) await finishPasswordReset(context, invitation.accountId);
  await context.audit({
    familyId: invitation.familyId,
    action: 'update',
    resource: 'invitation',
    resourceId: invitation.id,
    outcome: 'allowed',
    basis: 'invitation link',
    detail: { passwordSet: true, accountId: invitation.accountId, kind: invitation.kind },
  });
}
