/** What other features may use of invitations: single-use links, storing and sending an invitation. */
export { invitationLink, invitationTokenHash, newInvitationToken } from './invitation-token';
export { expireOpenInvitationsOf, insertInvitation } from './invitations.repository';
export { sendInvitation } from './invitations.service';
