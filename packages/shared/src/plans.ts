import { z } from 'zod';
import { idSchema, isoDateSchema, isoDateTimeSchema, localizedTextSchema, versionSchema } from './ids';
import { planPartSchema } from './consents';
import { familyMemberSchema, familyStatusSchema, personRefSchema } from './families';

export const actionStatuses = ['planned', 'in_progress', 'done'] as const;
export const actionStatusSchema = z.enum(actionStatuses);
export type ActionStatus = z.infer<typeof actionStatusSchema>;

export const goalStatuses = ['open', 'achieved', 'dropped'] as const;
export const goalStatusSchema = z.enum(goalStatuses);
export type GoalStatus = z.infer<typeof goalStatusSchema>;

export const serviceRoleStatuses = ['invited', 'accepted', 'declined', 'ended'] as const;
export const serviceRoleStatusSchema = z.enum(serviceRoleStatuses);
export type ServiceRoleStatus = z.infer<typeof serviceRoleStatusSchema>;

export const actionSchema = z.object({
  id: idSchema,
  /** The service role that owns this action; null when the family itself does it. */
  serviceRoleId: idSchema.nullable(),
  goalId: idSchema.nullable(),
  title: z.string(),
  ownerName: z.string(),
  dueOn: isoDateSchema.nullable(),
  status: actionStatusSchema,
  /** Past its due date and not done. */
  overdue: z.boolean(),
  version: versionSchema,
  updatedAt: isoDateTimeSchema,
});
export type Action = z.infer<typeof actionSchema>;

/** One dated entry of how a goal is going. */
export const goalProgressSchema = z.object({
  id: idSchema,
  recordedOn: isoDateSchema,
  value: z.string(),
  note: z.string(),
  recordedBy: personRefSchema,
});

export const goalSchema = z.object({
  id: idSchema,
  title: z.string(),
  /** Whose goal it is, in the family's words. */
  ownerName: z.string(),
  indicator: z.string(),
  baseline: z.string(),
  target: z.string(),
  targetOn: isoDateSchema.nullable(),
  status: goalStatusSchema,
  version: versionSchema,
  /** Oldest first. */
  progress: z.array(goalProgressSchema),
});
export type Goal = z.infer<typeof goalSchema>;

export const serviceRefSchema = z.object({
  id: idSchema,
  name: localizedTextSchema,
  category: z.string(),
  contact: z.string(),
});

export const serviceRoleSchema = z.object({
  id: idSchema,
  service: serviceRefSchema,
  status: serviceRoleStatusSchema,
  description: z.string(),
  responsibleWorker: personRefSchema.nullable(),
  startsOn: isoDateSchema.nullable(),
  endsOn: isoDateSchema.nullable(),
  version: versionSchema,
  actions: z.array(actionSchema),
});
export type ServiceRole = z.infer<typeof serviceRoleSchema>;

/** The family's one shared plan as the caller may see it. */
export const planSchema = z.object({
  family: z.object({
    id: idSchema,
    name: z.string(),
    status: familyStatusSchema,
    coordinator: personRefSchema,
  }),
  version: versionSchema,
  updatedAt: isoDateTimeSchema,
  /** The plan parts the caller may see; for a service, what the family consented to share with it. */
  sharedParts: z.array(planPartSchema),
  members: z.array(familyMemberSchema),
  /** Empty when goals are not shared with the caller. */
  goals: z.array(goalSchema),
  serviceRoles: z.array(serviceRoleSchema),
  /** Actions the family does itself. */
  familyActions: z.array(actionSchema),
});
export type Plan = z.infer<typeof planSchema>;

export const serviceRoleParamsSchema = z.strictObject({ familyId: idSchema, serviceRoleId: idSchema });
export type ServiceRoleParams = z.infer<typeof serviceRoleParamsSchema>;

export const endServiceRoleSchema = z.strictObject({
  version: versionSchema,
  endsOn: isoDateSchema.optional(),
});
export type EndServiceRole = z.infer<typeof endServiceRoleSchema>;

export const serviceRoleSummarySchema = serviceRoleSchema.omit({ actions: true, service: true }).extend({ serviceId: idSchema });
export type ServiceRoleSummary = z.infer<typeof serviceRoleSummarySchema>;
