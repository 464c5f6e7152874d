import { z } from 'zod';
import { idSchema } from './ids';

export const roles = ['coordinator', 'worker', 'family', 'manager', 'admin'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

export const loginRequestSchema = z.strictObject({
  email: z.string().trim().toLowerCase().pipe(z.email().max(254)),
  password: z.string().min(1).max(200),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

/** The roles that sign in with a second factor (TOTP); family members sign in with a password only. */
export const secondFactorRoles = ['coordinator', 'worker', 'manager', 'admin'] as const satisfies readonly Role[];

/**
 * Where the session stands with the second factor: `required` asks for a code, `enrol` for
 * setting up an authenticator first, `done` lets the session in everywhere its role reaches.
 */
export const secondFactorStates = ['required', 'enrol', 'done'] as const;
export const secondFactorStateSchema = z.enum(secondFactorStates);
export type SecondFactorState = z.infer<typeof secondFactorStateSchema>;

export const currentUserSchema = z.object({
  id: idSchema,
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  organisationId: idSchema.nullable(),
  /** Services a worker belongs to; empty for other roles. */
  serviceIds: z.array(idSchema),
  /** Until `done`, only the second-factor routes, `GET /api/auth/me` and sign-out answer. */
  secondFactor: secondFactorStateSchema,
});
export type CurrentUser = z.infer<typeof currentUserSchema>;

export const demoAccountSchema = z.object({
  email: z.string(),
  password: z.string(),
  role: roleSchema,
  name: z.string(),
});
export type DemoAccount = z.infer<typeof demoAccountSchema>;

/** A six-digit code from the authenticator app. */
export const totpCodeSchema = z
  .string()
  .trim()
  .regex(/^\d{6}$/, 'Enter the six digits the authenticator app shows.');

export const secondFactorEnrolmentSchema = z.object({
  /** Base32, for typing into an authenticator app by hand. */
  secret: z.string(),
  /** The same secret as an `otpauth://` URI, for a QR code. */
  otpauthUri: z.string(),
});
export type SecondFactorEnrolment = z.infer<typeof secondFactorEnrolmentSchema>;

export const confirmSecondFactorSchema = z.strictObject({ code: totpCodeSchema });

export const recoveryCodesSchema = z.object({
  /** Shown once: each code signs in once when the authenticator is lost. */
  recoveryCodes: z.array(z.string()).length(10),
});
export type RecoveryCodes = z.infer<typeof recoveryCodesSchema>;

export const verifySecondFactorSchema = z.union([
  z.strictObject({ code: totpCodeSchema }),
  z.strictObject({ recoveryCode: z.string().trim().min(10).max(40) }),
]);
export type VerifySecondFactor = z.infer<typeof verifySecondFactorSchema>;
