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

export const currentUserSchema = z.object({
  id: idSchema,
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  organisationId: idSchema.nullable(),
  /** Services a worker belongs to; empty for other roles. */
  serviceIds: z.array(idSchema),
});
export type CurrentUser = z.infer<typeof currentUserSchema>;

export const demoAccountSchema = z.object({
  email: z.string(),
  password: z.string(),
  role: roleSchema,
  name: z.string(),
});
export type DemoAccount = z.infer<typeof demoAccountSchema>;
