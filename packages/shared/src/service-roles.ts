import { z } from 'zod';
import { idSchema, isoDateSchema, isoDateTimeSchema, localizedTextSchema, versionSchema } from './ids';
import { personRefSchema } from './families';
import { serviceRoleStatusSchema } from './plans';

/** How long the coordinator's message to an invited service may be, in characters: the form counts against it. */
export const invitationMessageMaxLength = 1000;
/** How long a service's reason for declining may be, in characters. */
export const declineReasonMaxLength = 2000;

/** The coordinator invites a service from the catalogue into the plan. */
export const inviteServiceSchema = z.strictObject({
  serviceId: idSchema,
  /** What the invited service's workers read where they answer; the e-mail only says there is one. */
  message: z.string().trim().max(invitationMessageMaxLength).optional(),
  /** The declined invitation this one follows up: the declined card then names the service invited instead. */
  replacesServiceRoleId: idSchema.optional(),
});
export type InviteService = z.infer<typeof inviteServiceSchema>;

export const acceptInvitationSchema = z.strictObject({
  /** A worker of the invited service who answers for the role. */
  responsibleAccountId: idSchema,
  description: z.string().trim().max(2000).optional(),
  startsOn: isoDateSchema.optional(),
  version: versionSchema,
});
export type AcceptInvitation = z.infer<typeof acceptInvitationSchema>;

export const declineInvitationSchema = z.strictObject({
  reason: z.string().trim().min(1).max(declineReasonMaxLength),
  version: versionSchema,
});
export type DeclineInvitation = z.infer<typeof declineInvitationSchema>;

export const updateServiceRoleSchema = z.strictObject({
  description: z.string().trim().max(2000).optional(),
  responsibleAccountId: idSchema.nullable().optional(),
  startsOn: isoDateSchema.nullable().optional(),
  endsOn: isoDateSchema.nullable().optional(),
  version: versionSchema,
});
export type UpdateServiceRole = z.infer<typeof updateServiceRoleSchema>;

/** The workers of a role's service: those who may be named responsible for the role. */
export const serviceRoleWorkersSchema = z.object({ workers: z.array(personRefSchema) });
export type ServiceRoleWorkers = z.infer<typeof serviceRoleWorkersSchema>;

/** What an invited service may see before it answers: no case content beyond who asks. */
export const serviceInvitationSchema = z.object({
  serviceRoleId: idSchema,
  familyId: idSchema,
  familyName: z.string(),
  coordinator: personRefSchema,
  service: z.object({ id: idSchema, name: localizedTextSchema }),
  status: serviceRoleStatusSchema,
  invitedAt: isoDateTimeSchema.nullable(),
  respondedAt: isoDateTimeSchema.nullable(),
  /** The worker who accepted or declined. */
  respondedBy: personRefSchema.nullable(),
  declineReason: z.string().nullable(),
  /** The coordinator's message to the service, if they wrote one. */
  message: z.string().nullable(),
  version: versionSchema,
});
export type ServiceInvitation = z.infer<typeof serviceInvitationSchema>;

export const serviceInvitationListSchema = z.object({ invitations: z.array(serviceInvitationSchema) });
export type ServiceInvitationList = z.infer<typeof serviceInvitationListSchema>;

/**
 * An invitation the service declined, as it stays on the plan. The coordinator reads who declined,
 * why and their own message; the family only that the service declined and when (the other fields
 * are null for it); other services nothing.
 */
export const declinedInvitationSchema = z.object({
  serviceRoleId: idSchema,
  service: z.object({ id: idSchema, name: localizedTextSchema, category: z.string() }),
  invitedAt: isoDateTimeSchema.nullable(),
  respondedAt: isoDateTimeSchema.nullable(),
  respondedBy: personRefSchema.nullable(),
  reason: z.string().nullable(),
  message: z.string().nullable(),
  /** The service the coordinator invited in its place, and how that invitation stands. */
  replacedBy: z
    .object({
      serviceRoleId: idSchema,
      service: z.object({ id: idSchema, name: localizedTextSchema }),
      status: serviceRoleStatusSchema,
    })
    .nullable(),
});
export type DeclinedInvitation = z.infer<typeof declinedInvitationSchema>;

export const declinedInvitationListSchema = z.object({ declinedInvitations: z.array(declinedInvitationSchema) });
export type DeclinedInvitationList = z.infer<typeof declinedInvitationListSchema>;
