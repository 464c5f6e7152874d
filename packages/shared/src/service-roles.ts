import { z } from 'zod';
import { idSchema, isoDateSchema, isoDateTimeSchema, localizedTextSchema, versionSchema } from './ids';
import { personRefSchema } from './families';
import { serviceRoleStatusSchema } from './plans';

/** The coordinator invites a service from the catalogue into the plan. */
export const inviteServiceSchema = z.strictObject({ serviceId: idSchema });
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
  reason: z.string().trim().min(1).max(2000),
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
  declineReason: z.string().nullable(),
  version: versionSchema,
});
export type ServiceInvitation = z.infer<typeof serviceInvitationSchema>;

export const serviceInvitationListSchema = z.object({ invitations: z.array(serviceInvitationSchema) });
export type ServiceInvitationList = z.infer<typeof serviceInvitationListSchema>;
