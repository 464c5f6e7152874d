/** What other features may use of invitations: single-use links and storing an invitation. */
export { invitationLink, invitationTokenHash, newInvitationToken } from './invitation-token';
export { expireOpenInvitationsOf, insertInvitation } from './invitations.repository';
