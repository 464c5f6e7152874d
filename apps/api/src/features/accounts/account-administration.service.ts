import type { AdminAccount, ChangeAccountAccess, CreateAccount, InvitationKind, ProfessionalRole } from '@yhdessa/shared';
import { administersService } from '../../access/invitation-policy';
import { AppError, notFound } from '../../core/app-error';
import type { Actor } from '../../core/actor';
import type { RouteAccess, RouteContext } from '../../http/route';
import type { MailSettings } from '../../mail/mailer';
import { endAllSessionsOf } from '../auth';
import { sendInvitation } from '../invitations';
import { organisationExists } from '../services';
import {
  countOpenCasesAcrossFamiliesOf,
  countOpenServiceRolesAcrossFamiliesOf,
  countOtherWorkingAdministrators,
  findServicesForMembership,
  listServiceIdsOf,
  setRoleAndServices,
} from './account-administration.repository';
import { findAccountByEmail, findAccountById, insertAccount, listAccountsForAdministration } from './accounts.repository';

type AdminContext = Pick<RouteContext<RouteAccess>, 'tx' | 'audit' | 'auditRefusal' | 'afterCommit' | 'realtime'> & {
  actor: Actor;
};

/** The invitation a new account gets: the page and the mail say what the person is invited as. */
const invitationKindOf: Record<ProfessionalRole, InvitationKind> = {
  coordinator: 'coordinator',
  worker: 'worker',
  manager: 'manager',
  admin: 'administrator',
};

function invalid(path: string, message: string): AppError {
  return new AppError('validation_failed', message, { errors: [{ path, message }] });
}

/**
 * The services a worker is to join: each must exist, be one the administrator keeps, and be in
 * use. A retired service takes nobody new.
 */
async function requireJoinableServices(context: AdminContext, serviceIds: readonly string[]) {
  const found = await findServicesForMembership(context.tx, serviceIds);
  const missing = serviceIds.filter(
    (id) => !found.some((service) => service.id === id && administersService(context.actor, service)),
  );
  if (missing.length > 0) throw invalid('body.serviceIds', `No such service: ${missing.join(', ')}`);
  if (found.some((service) => service.retiredAt))
    throw new AppError('service_retired', 'A retired service takes no new workers.');
  return found;
}

/** The account as the administrator's list shows it, after a change. */
async function presentAccount(context: AdminContext, accountId: string): Promise<AdminAccount> {
  const [account] = await listAccountsForAdministration(context.tx, { accountId });
  return account!;
}

/** Refuses a change that would leave nobody who can administer the system. */
async function requireAnotherAdministrator(context: AdminContext, accountId: string): Promise<void> {
  if ((await countOtherWorkingAdministrators(context.tx, accountId)) > 0) return;
  throw new AppError('last_administrator', 'This is the last administrator who can sign in: make another one first.');
}

/**
 * An administrator creates a professional's account. It has no password: the person gets an
 * invitation link by mail, sets a password with it, and sets up the second factor at the first
 * sign-in, as every invited professional does.
 */
export async function createProfessionalAccount(
  body: CreateAccount,
  context: AdminContext,
  settings: MailSettings,
): Promise<AdminAccount> {
  const { tx } = context;
  if (await findAccountByEmail(tx, body.email))
    throw new AppError('email_taken', 'This email address has an account already.', {
      errors: [{ path: 'body.email', message: 'Taken' }],
    });
  if (body.organisationId && !(await organisationExists(body.organisationId, tx)))
    throw invalid('body.organisationId', 'No such organisation');
  const joined = await requireJoinableServices(context, body.serviceIds);
  const accountId = await insertAccount(tx, {
    email: body.email,
    name: body.name,
    role: body.role,
    organisationId: body.organisationId,
  });
  await setRoleAndServices(tx, accountId, body.role, body.serviceIds);
  await context.audit({
    familyId: null,
    action: 'create',
    resource: 'account',
    resourceId: accountId,
    outcome: 'allowed',
    basis: 'administrator',
    detail: { role: body.role, organisationId: body.organisationId, serviceIds: body.serviceIds },
  });
  const firstService = joined.find((service) => service.id === body.serviceIds[0]);
  await sendInvitation(context, settings, {
    kind: invitationKindOf[body.role],
    accountId,
    email: body.email,
    name: body.name,
    familyId: null,
    serviceId: firstService?.id,
    mail: firstService ? { service: firstService.name } : { as: body.role },
  });
  return presentAccount(context, accountId);
}

/**
 * Gives a professional another role or other services. Refused while the change would leave a
 * family without its coordinator or a service role without its responsible worker: the case is
 * handed over, or another worker named, first. A new role takes effect at once: the person's
 * sessions end and they sign in again; with new services only, their live connections restart.
 */
export async function changeAccountAccess(
  accountId: string,
  body: ChangeAccountAccess,
  context: AdminContext,
): Promise<AdminAccount> {
  const { tx } = context;
  const account = await findAccountById(tx, accountId);
  if (!account) throw notFound('account');
  if (account.role === 'family')
    throw invalid('body.role', "A family member's login keeps its role: it is linked to their family by their coordinator.");
  const serviceIdsBefore = await listServiceIdsOf(tx, accountId);
  if (account.role === 'admin' && body.role !== 'admin') await requireAnotherAdministrator(context, accountId);
  if (account.role === 'coordinator' && body.role !== 'coordinator') {
    const open = await countOpenCasesAcrossFamiliesOf(tx, accountId);
    if (open > 0)
      throw new AppError(
        'coordinator_has_families',
        `The coordinator has ${open} open case(s) or handover(s); they are handed over to another coordinator first.`,
      );
  }
  const leaving = serviceIdsBefore.filter((id) => !body.serviceIds.includes(id));
  const responsibleFor = await countOpenServiceRolesAcrossFamiliesOf(tx, accountId, leaving);
  if (responsibleFor > 0)
    throw new AppError(
      'worker_has_service_roles',
      `The worker is responsible for ${responsibleFor} service role(s) in open plans of the services they would leave; another worker is named first.`,
    );
  await requireJoinableServices(
    context,
    body.serviceIds.filter((id) => !serviceIdsBefore.includes(id)),
  );
  await setRoleAndServices(tx, accountId, body.role, body.serviceIds);
  const roleChanged = account.role !== body.role;
  if (roleChanged) await endAllSessionsOf(tx, accountId);
  await context.audit({
    familyId: null,
    action: 'update',
    resource: 'account',
    resourceId: accountId,
    outcome: 'allowed',
    basis: 'administrator',
    detail: {
      from: { role: account.role, serviceIds: serviceIdsBefore },
      to: { role: body.role, serviceIds: body.serviceIds },
      sessionsEnded: roleChanged,
    },
  });
  // The sockets joined rooms for the old role and services; they reconnect with the new ones.
  context.afterCommit(() => context.realtime.endAccountSockets(accountId));
  return presentAccount(context, accountId);
}

/** Disabling another administrator is refused when no other could sign in afterwards. */
export async function requireAdministratorLeftAfterDisabling(context: AdminContext, accountId: string): Promise<void> {
  const account = await findAccountById(context.tx, accountId);
  if (account?.role === 'admin') await requireAnotherAdministrator(context, accountId);
}
