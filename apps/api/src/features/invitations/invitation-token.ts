import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, URL-safe: the only copy is in the invitee's mail. */
export function newInvitationToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The web client's page for a link: it shows the invitation and sets the password. */
export function invitationLink(publicUrl: string, token: string): string {
  return `${publicUrl}/kutsu/${token}`;
}

/** Invitations are stored under the token's hash, so the table alone cannot set anyone's password. */
export function invitationTokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
