import { z } from 'zod';
import { idSchema, isoDateTimeSchema } from './ids';

/**
 * What a single-use link sets a password for: a professional's account an administrator created
 * (a worker of a service, a coordinator, a manager, an administrator, the first one included), a
 * member of a family, or an account whose password is being reset.
 */
export const invitationKinds = ['worker', 'family-member', 'administrator', 'password-reset', 'coordinator', 'manager'] as const;
export const invitationKindSchema = z.enum(invitationKinds);
export type InvitationKind = z.infer<typeof invitationKindSchema>;

/** Hours an invitation link works. */
export const INVITATION_VALID_HOURS = 72;

const inviteeEmailSchema = z.string().trim().toLowerCase().pipe(z.email().max(254));

/** Administrators invite workers into a service; coordinators invite members of their families. */
export const createInvitationSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('worker'),
    email: inviteeEmailSchema,
    name: z.string().trim().min(1).max(200),
    serviceId: idSchema,
  }),
  z.strictObject({
    kind: z.literal('family-member'),
    familyId: idSchema,
    memberId: idSchema,
    email: inviteeEmailSchema,
  }),
]);
export type CreateInvitation = z.infer<typeof createInvitationSchema>;

/**
 * The link itself goes only to the invitee's mailbox, never into an API response. The answer is
 * the same whether or not the address has a login already, so it names no invitation.
 */
export const createdInvitationSchema = z.object({ expiresAt: isoDateTimeSchema });
export type CreatedInvitation = z.infer<typeof createdInvitationSchema>;

export const invitationTokenParamsSchema = z.strictObject({ token: z.string().min(1).max(100) });

export const invitationStates = ['open', 'expired', 'used'] as const;
export const invitationStateSchema = z.enum(invitationStates);

/** What the invitation page shows: who is invited, as what, by whom, and whether the link still works. */
export const invitationDetailsSchema = z.object({
  kind: invitationKindSchema,
  name: z.string(),
  email: z.string(),
  invitedBy: z.string(),
  state: invitationStateSchema,
  expiresAt: isoDateTimeSchema,
});
export type InvitationDetails = z.infer<typeof invitationDetailsSchema>;

/** At least 12 characters; the check that it is not the email address runs on the server. */
export const newPasswordSchema = z.string().min(12, 'Use at least 12 characters.').max(200, 'Use at most 200 characters.');

export const setInvitationPasswordSchema = z.strictObject({ password: newPasswordSchema });

/** Hours a password-reset link works: shorter than an invitation, as it opens a working login. */
export const PASSWORD_RESET_VALID_HOURS = 1;

/** A signed-in user changes their password: the current one proves it is them. */
export const changePasswordSchema = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: newPasswordSchema,
});
export type ChangePassword = z.infer<typeof changePasswordSchema>;

/** Asks for a password-reset link; the answer is the same whether or not the address has an account. */
export const passwordResetRequestSchema = z.strictObject({ email: inviteeEmailSchema });
export type PasswordResetRequest = z.infer<typeof passwordResetRequestSchema>;
