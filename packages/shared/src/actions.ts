import { z } from 'zod';
import { idSchema, versionSchema } from './ids';
import { actionStatusSchema } from './plans';

export const actionParamsSchema = z.strictObject({ familyId: idSchema, actionId: idSchema });
export type ActionParams = z.infer<typeof actionParamsSchema>;

export const updateActionStatusSchema = z.strictObject({
  status: actionStatusSchema,
  /** The version the change is based on; a stale one answers 409. */
  version: versionSchema,
});
export type UpdateActionStatus = z.infer<typeof updateActionStatusSchema>;
