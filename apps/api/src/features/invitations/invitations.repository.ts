import type { InvitationKind } from '@yhdessa/shared';
import { and, eq, gt, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { accounts } from '../../db/tables/accounts';
import type { Queryable } from '../../db/database';
import { familyMembers } from '../../db/tables/families';
import { services } from '../../db/tables/services';
import { invitations } from '../../db/tables/invitations';

export async function findService(db: Queryable, serviceId: string) {
  const [row] = await db
    .select({ id: services.id, organisationId: services.organisationId, name: services.name, retiredAt: services.retiredAt })
    .from(services)
    .where(eq(services.id, serviceId));
  return row ?? null;
}

/** The member, scoped to its family: a member id from another family finds nothing. */
export async function findFamilyMember(db: Queryable, familyId: string, memberId: string) {
  const [row] = await db
    .select({ id: familyMembers.id, name: familyMembers.name, accountId: familyMembers.accountId })
    .from(familyMembers)
    .where(and(eq(familyMembers.familyId, familyId), eq(familyMembers.id, memberId)));
  return row ?? null;
}

export async function linkMemberAccount(db: Queryable, familyId: string, memberId: string, accountId: string): Promise<void> {
  await db
    .update(familyMembers)
    .set({ accountId })
    .where(and(eq(familyMembers.familyId, familyId), eq(familyMembers.id, memberId)));
}

/** A new link replaces the old ones: only the latest invitation of an account works. */
export async function expireOpenInvitationsOf(db: Queryable, accountId: string): Promise<void> {
  await db
    .update(invitations)
    .set({ expiresAt: new Date() })
    .where(and(eq(invitations.accountId, accountId), isNull(invitations.usedAt), gt(invitations.expiresAt, new Date())));
}

export async function insertInvitation(
  db: Queryable,
  invitation: {
    tokenHash: string;
    kind: InvitationKind;
    accountId: string;
    invitedBy: string;
    expiresAt: Date;
    familyId?: string;
    memberId?: string;
    serviceId?: string;
  },
) {
  const [row] = await db
    .insert(invitations)
    .values(invitation)
    .returning({ id: invitations.id, expiresAt: invitations.expiresAt });
  return row!;
}

const invitee = alias(accounts, 'invitee');
const inviter = alias(accounts, 'inviter');

export async function findInvitationByTokenHash(db: Queryable, tokenHash: string) {
  const [row] = await db
    .select({
      id: invitations.id,
      kind: invitations.kind,
      familyId: invitations.familyId,
      expiresAt: invitations.expiresAt,
      usedAt: invitations.usedAt,
      accountId: invitee.id,
      name: invitee.name,
      email: invitee.email,
      invitedBy: inviter.name,
    })
    .from(invitations)
    .innerJoin(invitee, eq(invitee.id, invitations.accountId))
    .innerJoin(inviter, eq(inviter.id, invitations.invitedBy))
    .where(eq(invitations.tokenHash, tokenHash));
  return row ?? null;
}

/** Marks the invitation used; false when it was used or expired already, so a link works once. */
export async function useInvitation(db: Queryable, invitationId: string): Promise<boolean> {
  const rows = await db
    .update(invitations)
    .set({ usedAt: new Date() })
    .where(and(eq(invitations.id, invitationId), isNull(invitations.usedAt), gt(invitations.expiresAt, new Date())))
    .returning({ id: invitations.id });
  return rows.length > 0;
}
