import { z } from 'zod';
import { roleSchema, type Role } from './auth';
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

/** The roles an administrator gives: a family member's login comes only from their coordinator's invitation. */
export const professionalRoles = ['coordinator', 'worker', 'manager', 'admin'] as const satisfies readonly Role[];
export const professionalRoleSchema = z.enum(professionalRoles);
export type ProfessionalRole = z.infer<typeof professionalRoleSchema>;

/** The most services one worker belongs to; a list longer than the catalogue is a mistake. */
export const MAX_SERVICES_PER_WORKER = 50;

/** What a professional may reach: their role and, for a worker, the services they work in (at least one). */
const accessShape = {
  role: professionalRoleSchema,
  serviceIds: z
    .array(idSchema)
    .max(MAX_SERVICES_PER_WORKER)
    .transform((ids) => [...new Set(ids)]),
};

function requireServicesOfWorkersOnly(access: { role: ProfessionalRole; serviceIds: string[] }, context: z.RefinementCtx) {
  if (access.role === 'worker' && access.serviceIds.length === 0)
    context.addIssue({ code: 'custom', path: ['serviceIds'], message: 'A worker works in at least one service' });
  if (access.role !== 'worker' && access.serviceIds.length > 0)
    context.addIssue({ code: 'custom', path: ['serviceIds'], message: 'Only a worker belongs to services' });
}

/** An administrator creates a professional's account; the person sets their password by an invitation link. */
export const createAccountSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(200),
    email: z.string().trim().toLowerCase().pipe(z.email().max(254)),
    ...accessShape,
    /** The employer; null for someone no organisation employs, e.g. a system administrator. */
    organisationId: idSchema.nullable(),
  })
  .superRefine(requireServicesOfWorkersOnly);
export type CreateAccount = z.infer<typeof createAccountSchema>;

/** Replaces the role and the services of a professional; refused while it would orphan their families. */
export const changeAccountAccessSchema = z.strictObject(accessShape).superRefine(requireServicesOfWorkersOnly);
export type ChangeAccountAccess = z.infer<typeof changeAccountAccessSchema>;
