import { and, eq, isNull } from 'drizzle-orm';
import { appendAuditEvent } from '../../audit/audit.repository';
import type { Config } from '../../core/config';
import type { Db } from '../../db/database';
import { invitationLink, invitationTokenHash, newInvitationToken } from '../invitations';
import { insertInvitation } from '../invitations';
import { findAccountByEmail, insertAccount } from './accounts.repository';
import { accounts } from '../../db/tables/accounts';

/** Long enough to reach the person by phone or in the server room; short, as the link is a key. */
export const FIRST_ADMINISTRATOR_LINK_HOURS = 24;

export class FirstAdministratorRefused extends Error {}

/**
 * Creates an administrator without a password and returns a single-use link (stored only as a
 * hash) with which they set it; at their first sign-in they set up the second factor. Refused
 * when an enabled administrator exists already, unless `another` says one more is intended.
 */
export async function createFirstAdministrator(
  db: Db,
  config: Pick<Config, 'PUBLIC_URL'>,
  person: { email: string; name: string; another?: boolean },
): Promise<{ link: string; expiresAt: Date }> {
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: accounts.id })
      .from(accounts)
      .where(and(eq(accounts.role, 'admin'), isNull(accounts.disabledAt), eq(accounts.isDemo, false)))
      .limit(1);
    if (existing && !person.another)
      throw new FirstAdministratorRefused('An administrator exists already: they add others. Pass --another to add one anyway.');
    if (await findAccountByEmail(tx, person.email)) throw new FirstAdministratorRefused('This address has an account already.');
    const accountId = await insertAccount(tx, { email: person.email, name: person.name, role: 'admin', organisationId: null });
    const token = newInvitationToken();
    const expiresAt = new Date(Date.now() + FIRST_ADMINISTRATOR_LINK_HOURS * 3_600_000);
    const invitation = await insertInvitation(tx, {
      tokenHash: invitationTokenHash(token),
      kind: 'administrator',
      accountId,
      invitedBy: accountId,
      expiresAt,
    });
    await appendAuditEvent(tx, {
      actor: null,
      familyId: null,
      action: 'create',
      resource: 'account',
      resourceId: accountId,
      outcome: 'allowed',
      basis: 'first administrator command',
      detail: { role: 'admin', invitationId: invitation.id },
    });
    return { link: invitationLink(config.PUBLIC_URL, token), expiresAt };
  });
}
