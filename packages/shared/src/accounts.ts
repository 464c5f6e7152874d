import { z } from 'zod';
import { roleSchema } from './auth';
import { idSchema, isoDateTimeSchema, localizedTextSchema } from './ids';
import { organisationSchema } from './organisations';

export const accountParamsSchema = z.strictObject({ accountId: idSchema });

/** `not_used`: family members sign in with a password only. */
export const secondFactorEnrolments = ['enrolled', 'not_enrolled', 'not_used'] as const;
export const secondFactorEnrolmentStateSchema = z.enum(secondFactorEnrolments);

/**
 * An account as the administrator sees it. Nothing here links a family member's account to
 * their family: the administrator may disable the account without learning whose case it is.
 */
export const adminAccountSchema = z.object({
  id: idSchema,
  name: z.string(),
  email: z.string(),
  role: roleSchema,
  organisation: organisationSchema.nullable(),
  /** The services a worker belongs to; empty for other roles. */
  services: z.array(z.object({ id: idSchema, name: localizedTextSchema })),
  disabledAt: isoDateTimeSchema.nullable(),
  /** Until when sign-in is locked after wrong passwords; null when it is not. */
  signInLockedUntil: isoDateTimeSchema.nullable(),
  /** Until when the second factor is locked after wrong codes; null when it is not. */
  secondFactorLockedUntil: isoDateTimeSchema.nullable(),
  secondFactor: secondFactorEnrolmentStateSchema,
});
export type AdminAccount = z.infer<typeof adminAccountSchema>;

export const adminAccountListSchema = z.object({ accounts: z.array(adminAccountSchema) });

export const adminAccountQuerySchema = z.strictObject({ role: roleSchema.optional() });
