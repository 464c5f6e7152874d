import {
  INVITATION_VALID_HOURS,
  type CreateInvitation,
  type CreatedInvitation,
  type InvitationDetails,
  type InvitationKind,
  type Role,
} from '@yhdessa/shared';
import {
  addServiceMembership,
  findAccountByEmail,
  findAccountById,
  insertAccount,
  setPasswordHash,
  updateAccountEmail,
} from '../accounts/accounts.repository';
import { requireStrongPassword } from '../accounts/password-policy';
import { hashPassword } from '../accounts/passwords';
import { finishPasswordReset, mayResetPassword } from '../auth/password-reset.service';
import { authorizeFamily } from '../access/family-policy';
import { findFamilyRelation } from '../access/family-relation.repository';
import type { Config } from '../config';
import { AppError, notFound } from '../http/app-error';
import type { RouteAccess, RouteContext } from '../http/route';
import type { Actor } from '../http/request-context';
import type { Mailer } from '../mail/mailer';
import { invitationMail } from './invitation-mail';
import { invitationTokenHash, newInvitationToken } from './invitation-token';
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

export interface InvitationSettings {
  config: Pick<Config, 'PUBLIC_URL'>;
  mailer: Mailer;
}

function emailProblem(message: string): AppError {
  return new AppError('validation_failed', 'The invitation cannot be sent to this address.', {
    errors: [{ path: 'body.email', message }],
  });
}

/**
 * The account the invitation sets a password for: a new one for a new address, or one that was
 * invited before and never signed in. A login that already works is never taken over by a link.
 */
async function inviteeAccount(
  context: Context,
  invitee: { email: string; name: string; role: Role; organisationId: string | null },
): Promise<string> {
  const existing = await findAccountByEmail(context.tx, invitee.email);
  if (!existing) return insertAccount(context.tx, invitee);
  if (existing.role !== invitee.role) throw emailProblem('This address belongs to another kind of account.');
  if (existing.passwordHash) throw emailProblem('This person already has a login.');
  return existing.id;
}

/** A coordinator invites a worker of a service: a new login for a new address, and membership in the service. */
export async function inviteWorker(
  body: WorkerInvitation,
  context: CoordinatorContext,
  settings: InvitationSettings,
): Promise<CreatedInvitation> {
  const service = await findService(context.tx, body.serviceId);
  if (!service) throw notFound('service');
  const accountId = await inviteeAccount(context, {
    email: body.email,
    name: body.name,
    role: 'worker',
    organisationId: service.organisationId,
  });
  await addServiceMembership(context.tx, accountId, service.id);
  return sendInvitation(context, settings, {
    kind: 'worker',
    accountId,
    email: body.email,
    name: body.name,
    familyId: null,
    serviceId: service.id,
    mail: { service: service.name },
  });
}

/** A coordinator invites a member of a family they coordinate: the member gets a family login of their own. */
export async function inviteFamilyMember(
  body: MemberInvitation,
  context: CoordinatorContext,
  settings: InvitationSettings,
): Promise<CreatedInvitation> {
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

  let accountId: string;
  if (member.accountId) {
    const account = await findAccountById(tx, member.accountId);
    if (account?.passwordHash) throw emailProblem('This family member already has a login.');
    const holder = await findAccountByEmail(tx, body.email);
    if (holder && holder.id !== member.accountId) throw emailProblem('This address belongs to another account.');
    await updateAccountEmail(tx, member.accountId, body.email);
    accountId = member.accountId;
  } else {
    accountId = await inviteeAccount(context, { email: body.email, name: member.name, role: 'family', organisationId: null });
    await linkMemberAccount(tx, body.familyId, member.id, accountId);
  }
  return sendInvitation(context, settings, {
    kind: 'family-member',
    accountId,
    email: body.email,
    name: member.name,
    familyId: body.familyId,
    memberId: member.id,
    mail: {},
  });
}

async function sendInvitation(
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
    mail: Pick<Parameters<typeof invitationMail>[0], 'service'>;
  },
): Promise<CreatedInvitation> {
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
      link: `${settings.config.PUBLIC_URL}/kutsu/${token}`,
      ...invitation.mail,
    }),
  );
  await context.audit({
    familyId: invitation.familyId,
    action: 'create',
    resource: 'invitation',
    resourceId: row.id,
    outcome: 'allowed',
    basis: 'coordinator',
    detail: { kind: invitation.kind, accountId: invitation.accountId, serviceId: invitation.serviceId ?? null },
  });
  return { id: row.id, expiresAt: row.expiresAt.toISOString() };
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
