import { z } from 'zod';
import { idSchema, isoDateSchema, versionSchema } from './ids';
import { actionStatusSchema } from './plans';

export const actionParamsSchema = z.strictObject({ familyId: idSchema, actionId: idSchema });
export type ActionParams = z.infer<typeof actionParamsSchema>;

/** The longest text each field of an action takes; forms count up to the same limits. */
export const actionFieldMaxLengths = { title: 300, ownerName: 200 } as const;

/** A due date is today or later (in the municipality) when it is set or changed; the API checks it against its clock. */
const actionFields = {
  goalId: idSchema.nullable(),
  title: z.string().trim().min(1).max(actionFieldMaxLengths.title),
  ownerName: z.string().trim().max(actionFieldMaxLengths.ownerName),
  dueOn: isoDateSchema.nullable(),
};

export const createActionSchema = z.strictObject({
  /** The service role that does it; null when the family does it itself. */
  serviceRoleId: idSchema.nullable(),
  ...actionFields,
  goalId: actionFields.goalId.default(null),
  ownerName: actionFields.ownerName.default(''),
  dueOn: actionFields.dueOn.default(null),
});
export type CreateAction = z.infer<typeof createActionSchema>;

/** Any of the action's fields, based on the version you saw; a status-only change is one case of it. */
export const updateActionSchema = z.strictObject({
  ...z.object(actionFields).partial().shape,
  status: actionStatusSchema.optional(),
  version: versionSchema,
});
export type UpdateAction = z.infer<typeof updateActionSchema>;
/** What the status control sends: a status change alone. */
export type UpdateActionStatus = Required<Pick<UpdateAction, 'status' | 'version'>>;
